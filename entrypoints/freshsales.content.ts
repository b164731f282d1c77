import { defineContentScript } from 'wxt/utils/define-content-script';
import { runRecordDetection } from '@/lib/crm/content-script';
import { freshsales } from '@/lib/crm/freshsales';

export default defineContentScript({
  matches: [...freshsales.matches],
  runAt: 'document_idle',
  main: (ctx) => runRecordDetection(ctx, [freshsales]),
});
