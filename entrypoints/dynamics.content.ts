import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { dynamics } from '@/lib/crm/dynamics';

export default defineContentScript({
  matches: [...dynamics.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [dynamics]),
});
