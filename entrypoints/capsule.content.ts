import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { capsule } from '@/lib/crm/capsule';

export default defineContentScript({
  matches: [...capsule.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [capsule]),
});
