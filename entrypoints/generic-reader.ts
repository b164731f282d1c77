import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideGenericReader } from '@/lib/crm/provide-generic-reader';

/**
 * The generic reader's code, injected by the worker into a CRM tab the first time a read of its page
 * wants it (see lib/background/code-injection.ts): a CRM page its own selectors read whole never
 * loads it, and every content script stays a third lighter.
 */
export default defineUnlistedScript(() => provideGenericReader());
