import { useState, type FormEvent } from 'react';
import { ImportReportSchema, type ImportReport } from '@/lib/schema/dashboard';
import { ApiError, call } from '../api/client';

const KINDS = [
  { value: 'content', label: 'Content catalog' },
  { value: 'profiles', label: 'Lead profiles' },
  { value: 'page_views', label: 'Page views' },
] as const;

type Outcome = { state: 'idle' } | { state: 'sending' } | { state: 'done'; report: ImportReport; error?: string } | { state: 'failed'; message: string };

/** A CSV or JSON file with the documented columns (as in the extension's Options → Import), and its row report. */
export function CatalogImport({ onImported }: { onImported(): void }) {
  const [kind, setKind] = useState<(typeof KINDS)[number]['value']>('content');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setOutcome({ state: 'failed', message: 'Choose a file first.' });
    setOutcome({ state: 'sending' });
    const type = file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv';
    try {
      const report = await call('POST', `/import/${kind}`, ImportReportSchema, { file: { text: await file.text(), type }, what: `Importing ${file.name}` });
      setOutcome({ state: 'done', report });
      onImported();
    } catch (error) {
      const report = error instanceof ApiError ? ImportReportSchema.safeParse((error.body as { report?: unknown } | undefined)?.report) : undefined;
      if (report?.success) setOutcome({ state: 'done', report: report.data, error: (error as Error).message });
      else setOutcome({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="card section" onSubmit={send} aria-labelledby="catalog-import-title" data-testid="catalog-import">
      <h2 id="catalog-import-title">Import a file</h2>
      <p className="small muted">CSV or JSON with the same columns as the extension's import. Rows with problems are listed and left out; the rest are saved.</p>
      <div className="row">
        <label className="row">
          <span>What</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            {KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          <span>File</span>
          <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(event) => setFile(event.target.files?.[0] ?? null)} data-testid="catalog-import-file" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={outcome.state === 'sending'}>
          {outcome.state === 'sending' ? 'Importing…' : 'Import'}
        </button>
      </div>
      <div role="status" data-testid="catalog-import-result">
        {outcome.state === 'failed' && <p className="notice notice-danger">Not imported: {outcome.message}</p>}
        {outcome.state === 'done' && <ReportView report={outcome.report} error={outcome.error} />}
      </div>
    </form>
  );
}

function ReportView({ report, error }: { report: ImportReport; error?: string }) {
  const saved = report.added !== undefined ? `${report.added} added, ${report.updated ?? 0} updated, ${report.unchanged ?? 0} unchanged.` : '';
  return (
    <div className={`notice ${error || report.rejected ? 'notice-warn' : 'notice-good'} stack tight`}>
      {error && <p>{error}</p>}
      <p>
        {report.total} {report.unit}s read: {report.valid} valid, {report.rejected} refused. {saved}
      </p>
      {report.ignoredColumns.length > 0 && <p className="small">Columns left out (not in the documented set): {report.ignoredColumns.join(', ')}</p>}
      {report.errors.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Refused rows">
          <table className="data">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((problem, index) => (
                <tr key={index}>
                  <td className="num">{problem.row}</td>
                  <td>{problem.column}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.errorsLeftOut > 0 && <p className="small">…and {report.errorsLeftOut} more problems.</p>}
    </div>
  );
}
