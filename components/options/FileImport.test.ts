import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LocaleProvider } from '@/components/ui/locale-provider';
import { clearImported, countImported } from '@/lib/store/import-rows';
import { FileImport } from './FileImport';

// React warns unless it knows it runs under a test's act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CSV = [
  'id,email,name,salesforce_id,campaign,first_seen,stage',
  'lead-1,priya.raman@ledgerly.io,Priya <b>Raman</b>,00Q8d00000XyZ1aEAF,Spring File Import Campaign,2026-09-14T13:22:05Z,mql',
  'lead-2,marcus@brightpath-health.com,Marcus Oyelaran,,HIPAA Webinar,2026-10-01,sql',
  'lead-3,sofia@nordvik.se,Sofia Lindqvist,,Nordic Summit,,opportunity',
  'lead-4,not-an-email,Bad Email,,,,lead',
  'lead-5,ok@example.com,Bad Stage,,,,hot',
  ',nobody@example.com,<img src=x onerror=alert(1)>,,,,lead',
  'lead-7,date@example.com,Bad Date,,,14/09/2026,lead',
].join('\n');

let container: HTMLDivElement;
let root: Root;
let sourceChanged = 0;

beforeEach(async () => {
  await clearImported();
  sourceChanged = 0;
  fakeBrowser.runtime.onMessage.addListener((message: { type?: string }) => {
    if (message.type === 'source-changed') sourceChanged++;
    return Promise.resolve({ ok: true });
  });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(LocaleProvider, { locale: 'en', children: createElement(FileImport) })));
});

afterEach(async () => {
  await act(async () => root.unmount());
  container.remove();
});

async function until<T>(find: () => T | null | undefined, what: string, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}; page: ${container.textContent}`);
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

async function choose(name: string, text: string) {
  const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
  const file = new File([text], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);
const button = (label: string) => [...container.querySelectorAll('button')].find((element) => element.textContent === label);

describe('FileImport', () => {
  it('has a labelled file input and a template link for each kind', () => {
    const input = container.querySelector('input[type=file]')!;
    const label = container.querySelector(`label[for="${input.id}"]`);
    expect(label?.textContent).toBe('Choose a CSV or JSON file');
    const links = [...container.querySelectorAll('a[download]')].map((link) => link.getAttribute('href'));
    expect(links).toEqual(['/templates/profiles.csv', '/templates/page-views.csv', '/templates/content.csv']);
    expect(byTestId('imported-counts')?.textContent).toBe('Nothing imported yet.');
  });

  it('lists exactly the rejected rows, writes nothing until asked, then imports the valid ones', async () => {
    await choose('leads.csv', CSV);
    const report = await until(() => byTestId('import-report'), 'the report');
    expect(report.textContent).toContain('3 valid');
    expect(report.textContent).toContain('4 rejected');
    const rows = [...report.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
    expect(rows.map(([row, column]) => [row, column])).toEqual([
      ['5', 'email'],
      ['6', 'stage'],
      ['7', 'id'],
      ['8', 'first_seen'],
    ]);
    expect(await countImported()).toEqual({ profiles: 0, pageViews: 0, content: 0 });

    await act(async () => button('Import 3 valid rows')!.click());
    const done = await until(() => byTestId('import-done'), 'the import');
    expect(done.textContent).toContain('Imported 3 profiles');
    expect(done.textContent).toContain('3 new, 0 updated, 0 unchanged');
    expect(await countImported()).toEqual({ profiles: 3, pageViews: 0, content: 0 });
    expect(sourceChanged).toBe(1);
    await until(() => (byTestId('imported-counts')?.textContent?.includes('3 profiles') ? true : null), 'the counts');
  });

  it('imports a clean file at once, and a re-import changes nothing', async () => {
    const clean = CSV.split('\n').slice(0, 4).join('\n');
    await choose('clean.csv', clean);
    expect((await until(() => byTestId('import-done'), 'the import')).textContent).toContain('Imported 3 profiles');
    await choose('clean.csv', clean);
    await until(() => (byTestId('import-outcome')?.textContent?.includes('0 new, 0 updated, 3 unchanged') ? true : null), 'the re-import');
    expect(await countImported()).toEqual({ profiles: 3, pageViews: 0, content: 0 });
    expect(sourceChanged).toBe(1);
  });

  it('cancel drops a file with errors without writing anything', async () => {
    await choose('leads.csv', CSV);
    await until(() => byTestId('import-report'), 'the report');
    await act(async () => button('Cancel')!.click());
    expect(byTestId('import-report')).toBeNull();
    expect(await countImported()).toEqual({ profiles: 0, pageViews: 0, content: 0 });
  });

  it('shows what came from the file as text, never as HTML', async () => {
    await choose('leads.csv', CSV);
    await until(() => byTestId('import-report'), 'the report');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('says why a whole file cannot be imported', async () => {
    await choose('views.csv', 'profile_id,url,viewed_at\nlead-1,https://www.example.com/,2026-11-01T10:00:00Z');
    const failed = await until(() => byTestId('import-failed'), 'the failure');
    expect(failed.textContent).toContain('views.csv was not imported.');
    expect(failed.textContent).toContain('It looks like a page views file');
  });

  it('removes imported data after a confirmation', async () => {
    await choose('clean.csv', CSV.split('\n').slice(0, 2).join('\n'));
    await until(() => byTestId('import-done'), 'the import');
    await until(() => button('Remove imported data'), 'the remove button');
    await act(async () => button('Remove imported data')!.click());
    await act(async () => button('Yes, remove imported data')!.click());
    await until(() => (byTestId('imported-counts')?.textContent === 'Nothing imported yet.' ? true : null), 'the empty counts');
    expect(await countImported()).toEqual({ profiles: 0, pageViews: 0, content: 0 });
  });
});
