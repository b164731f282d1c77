import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createGlancePill, type GlancePillHolder } from '@/lib/crm/glance-pill';

/**
 * The glance pill's code, injected by the worker into a CRM tab with its first glance (see
 * lib/background/code-injection.ts): a CRM page whose leads marketing does not know never
 * loads it, and the content script every CRM page loads stays small.
 */
export default defineUnlistedScript(() => {
  (globalThis as GlancePillHolder).leadsideGlancePill ??= createGlancePill;
});
