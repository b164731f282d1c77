import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { closeCrm } from '@/lib/crm/close';

export default defineContentScript({
  matches: [...closeCrm.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [closeCrm]),
});
