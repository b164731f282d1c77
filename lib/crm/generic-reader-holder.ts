import type { GenericReading } from './generic-reader';
import type { ShadowRoots } from './shadow-roots';

/**
 * The generic reader (generic-reader.ts) is not part of the content scripts: a third of each one's
 * weight, it is needed only on a page the CRM's own selectors do not read whole. The worker injects
 * it into the content script's own world when a read first wants it (entrypoints/generic-reader.ts),
 * where it waits under this name; `roots` are the page watch's known shadow roots, handed over
 * because the injected script's bundle has its own copy of the page-reading helpers.
 */
export type GenericReader = (doc: Document, titledByPerson: boolean, roots: ShadowRoots | undefined) => GenericReading;

export interface GenericReaderHolder {
  leadsideGenericReader?: GenericReader;
}

/** The generic reader, once injected into this world; undefined until then. */
export const loadedGenericReader = (): GenericReader | undefined => (globalThis as GenericReaderHolder).leadsideGenericReader;
