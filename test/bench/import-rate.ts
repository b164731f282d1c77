import type { BrowserContext } from '@playwright/test';

export interface ImportRateResult {
  /** Rows per second of each import, choosing the file → imported. */
  rates: number[];
  /** Seconds of each import spent reading and checking the file, before saving. */
  checking: number[];
}

/**
 * Imports a profiles file through the Options page's File import, as a person does (and as
 * test/e2e/file-import.spec.ts does), `rounds` times, removing the imported data between rounds so
 * each is a first import. Timed by the page's own user-timing marks: `leadside:import-chosen` (the
 * file was chosen) to `leadside:import-done` (the transaction committed).
 */
export async function measureImportRate(context: BrowserContext, extensionId: string, csvPath: string, rows: number, rounds: number): Promise<ImportRateResult> {
  const page = await context.newPage();
  const result: ImportRateResult = { rates: [], checking: [] };
  const count = rows.toLocaleString('en-US');
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('radio', { name: 'File import (CSV / JSON)' }).check();
    const fileImport = page.getByTestId('file-import');
    await fileImport.getByRole('radio', { name: 'Profiles' }).check();
    for (let round = 0; round < rounds; round++) {
      await fileImport.getByTestId('imported-counts').filter({ hasText: 'Nothing imported yet.' }).waitFor();
      await page.evaluate(() => performance.clearMarks());
      await fileImport.getByLabel('Choose a CSV or JSON file').setInputFiles(csvPath);
      await fileImport.getByTestId('import-done').filter({ hasText: `Imported ${count} profiles` }).waitFor({ timeout: 120_000 });
      const outcome = await fileImport.getByTestId('import-outcome').textContent();
      if (outcome !== `${count} new, 0 updated, 0 unchanged.`) throw new Error(`Import ${round + 1}: ${outcome}`);
      const [seconds, checking] = await page.evaluate(() => [
        performance.measure('import', 'leadside:import-chosen', 'leadside:import-done').duration / 1000,
        performance.measure('check', 'leadside:import-chosen', 'leadside:import-checked').duration / 1000,
      ]);
      result.rates.push(rows / seconds!);
      result.checking.push(checking!);
      // Back to an empty File source for the next round.
      await fileImport.getByRole('button', { name: 'Remove imported data' }).click();
      await fileImport.getByRole('button', { name: 'Yes, remove imported data' }).click();
    }
  } finally {
    await page.close();
  }
  return result;
}
