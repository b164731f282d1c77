import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { pipedrive } from '@/lib/crm/pipedrive';

export default defineContentScript({
  matches: [...pipedrive.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [pipedrive]),
});
