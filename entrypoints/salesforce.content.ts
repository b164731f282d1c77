import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { salesforceClassic, salesforceLightning } from '@/lib/crm/salesforce';

export default defineContentScript({
  matches: [...salesforceLightning.matches, ...salesforceClassic.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [salesforceLightning, salesforceClassic]),
});
