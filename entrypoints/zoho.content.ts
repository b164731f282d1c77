import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { zoho } from '@/lib/crm/zoho';

export default defineContentScript({
  matches: [...zoho.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [zoho]),
});
