// Every unit test gets a fresh in-memory IndexedDB and a fresh fake `browser`.
import 'fake-indexeddb/auto';
import { afterAll, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { provideGenericReader } from '@/lib/crm/provide-generic-reader';

// Every read has the generic reader at once, as a content script has it once the worker injected it
// (lib/crm/generic-reader-holder.ts); watch.test.ts takes it away to test the wait for it.
provideGenericReader();

beforeEach(() => {
  fakeBrowser.reset();
});

// Test files share their worker's modules and document (vitest.config.ts, `isolate: false`), so each file
// leaves them as it found them: real timers and globals, spies undone, an empty document.
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  document.head.replaceChildren();
  document.body.replaceChildren();
  for (const element of [document.documentElement, document.body]) {
    for (const { name } of [...element.attributes]) element.removeAttribute(name);
  }
});
