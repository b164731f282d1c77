import { inOneRead, knownShadowRoots, useKnownShadowRoots } from './dom';
import { readGenericIdentity } from './generic-reader';
import type { GenericReaderHolder } from './generic-reader-holder';

/**
 * Leaves the generic reader where the content script finds it (generic-reader-holder.ts): done by
 * the injected script in the browser, and by the unit tests' set-up, where every read has it at once.
 * The roots it is given are the page watch's; whatever this world's helpers knew before is put back
 * after the read (in the unit tests both are one module).
 */
export function provideGenericReader(): void {
  (globalThis as GenericReaderHolder).leadsideGenericReader ??= (doc, titledByPerson, roots) => {
    const before = knownShadowRoots();
    useKnownShadowRoots(roots);
    try {
      return inOneRead(() => readGenericIdentity(doc, titledByPerson));
    } finally {
      useKnownShadowRoots(before);
    }
  };
}
