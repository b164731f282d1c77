import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearImported, countImported, saveImport } from '@/lib/store/import-rows';
import { parseImportFile } from '@/lib/import';
import type { ImportedCounts, ImportKind, ImportOutcome, ParsedImport } from '@/lib/import/types';
import { request } from '@/lib/messaging/messages';

export type ImportPhase =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; fraction: number; rows: number }
  /** The file has rejected rows: nothing is written until the user chooses. */
  | { step: 'review'; fileName: string; parsed: ParsedImport }
  | { step: 'saving'; fileName: string; parsed: ParsedImport; fraction: number }
  | { step: 'done'; fileName: string; parsed: ParsedImport; outcome: ImportOutcome }
  | { step: 'failed'; fileName: string; message: string; parsed?: ParsedImport };

/**
 * The import's state machine: read and check the whole file first (progress), then either save at
 * once (no errors) or wait for "Import the N valid rows". Progress is set per chunk, never per row,
 * so a 100,000-row file costs a few dozen renders.
 */
export function useFileImport() {
  const { t } = useTranslation(['options', 'common']);
  const [phase, setPhase] = useState<ImportPhase>({ step: 'idle' });
  const [counts, setCounts] = useState<ImportedCounts>();
  const reading = useRef<AbortController | undefined>(undefined);

  const refreshCounts = useCallback(() => countImported().then(setCounts, () => undefined), []);
  useEffect(() => {
    void refreshCounts();
    return () => reading.current?.abort();
  }, [refreshCounts]);

  const save = useCallback(
    async (fileName: string, parsed: ParsedImport) => {
      setPhase({ step: 'saving', fileName, parsed, fraction: 0 });
      try {
        const outcome = await saveImport(parsed, { onProgress: (fraction) => setPhase({ step: 'saving', fileName, parsed, fraction }) });
        performance.mark('leadside:import-done', { detail: { rows: parsed.valid } });
        setPhase({ step: 'done', fileName, parsed, outcome });
        // The worker's cached briefs and catalog came from the data before this import: drop them.
        if (outcome.added + outcome.updated > 0) await request({ type: 'source-changed' }).catch(() => undefined);
      } catch (error) {
        setPhase({ step: 'failed', fileName, parsed, message: t('import.saveFailed', { error: errorText(error) }) });
      }
      await refreshCounts();
    },
    [refreshCounts, t],
  );

  const choose = useCallback(
    async (file: File, kind: ImportKind) => {
      reading.current?.abort();
      const controller = new AbortController();
      reading.current = controller;
      const fileName = file.name;
      // User-timing marks, so tests and benchmarks can time an import from choosing to done.
      performance.mark('leadside:import-chosen');
      setPhase({ step: 'reading', fileName, fraction: 0, rows: 0 });
      let parsed: ParsedImport;
      try {
        parsed = await parseImportFile(file, kind, {
          signal: controller.signal,
          onProgress: ({ fraction, rows }) => {
            if (!controller.signal.aborted) setPhase({ step: 'reading', fileName, fraction, rows });
          },
        });
      } catch (error) {
        if (!controller.signal.aborted) setPhase({ step: 'failed', fileName, message: t('import.readFailed', { file: fileName, error: errorText(error) }) });
        return;
      }
      if (controller.signal.aborted) return;
      performance.mark('leadside:import-checked');
      reading.current = undefined;
      if (parsed.fatal) setPhase({ step: 'failed', fileName, parsed, message: parsed.fatal });
      else if (parsed.rejected > 0) setPhase({ step: 'review', fileName, parsed });
      else await save(fileName, parsed);
    },
    [save, t],
  );

  const importValid = useCallback(() => {
    if (phase.step === 'review' && phase.parsed.valid > 0) void save(phase.fileName, phase.parsed);
  }, [phase, save]);

  /** Stops reading, or drops a reviewed file without writing anything. */
  const cancel = useCallback(() => {
    reading.current?.abort();
    reading.current = undefined;
    setPhase({ step: 'idle' });
  }, []);

  const clear = useCallback(async () => {
    await clearImported();
    await request({ type: 'source-changed' }).catch(() => undefined);
    setPhase({ step: 'idle' });
    await refreshCounts();
  }, [refreshCounts]);

  return { phase, counts, choose, importValid, cancel, clear };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
