import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { twenty } from '@/lib/crm/twenty';

export default defineContentScript({
  matches: [...twenty.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [twenty]),
});
