import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { hubspot } from '@/lib/crm/hubspot';

export default defineContentScript({
  matches: [...hubspot.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [hubspot]),
});
