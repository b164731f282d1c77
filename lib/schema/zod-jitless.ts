/**
 * What the extension's bundles get for `import … from 'zod'` (wxt.config.ts aliases the bare
 * specifier here). It turns zod's JIT off before any schema exists: extension pages run under a CSP
 * without 'unsafe-eval', where zod's `new Function` probe is refused and reported as a CSP violation,
 * and `web-ext lint` flags a Function constructor. The flag must be set before the first `z.object`
 * is built, which reads it then; an alias makes that hold whichever module loads zod first. The
 * server and the tests import zod itself and keep the JIT.
 */
import * as z from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z, z as default };
