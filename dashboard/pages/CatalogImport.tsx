import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportReportSchema, type ImportReport } from '@/lib/schema/dashboard';
import { ApiError, call } from '../api/client';
import { useLabels } from '../hooks/use-labels';

/** What can be imported; named as `dashboard:import.kind_<kind>`. */
const KINDS = ['content', 'profiles', 'page_views'] as const;

type Outcome = { state: 'idle' } | { state: 'sending' } | { state: 'done'; report: ImportReport; error?: string } | { state: 'noFile' } | { state: 'failed'; message: string };

/** A CSV or JSON file with the documented columns (as in the extension's Options → Import), and its row report. */
export function CatalogImport({ onImported }: { onImported(): void }) {
  const { t } = useTranslation('dashboard');
  const [kind, setKind] = useState<(typeof KINDS)[number]>('content');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setOutcome({ state: 'noFile' });
    setOutcome({ state: 'sending' });
    const type = file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv';
    try {
      const report = await call('POST', `/import/${kind}`, ImportReportSchema, { file: { text: await file.text(), type }, what: t('import.importing', { name: file.name }) });
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
      <h2 id="catalog-import-title">{t('import.title')}</h2>
      <p className="small muted">{t('import.intro')}</p>
      <div className="row">
        <label className="row">
          <span>{t('import.what')}</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`import.kind_${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="row">
          <span>{t('import.file')}</span>
          <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(event) => setFile(event.target.files?.[0] ?? null)} data-testid="catalog-import-file" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={outcome.state === 'sending'}>
          {outcome.state === 'sending' ? t('import.busy') : t('import.submit')}
        </button>
      </div>
      <div role="status" data-testid="catalog-import-result">
        {outcome.state === 'noFile' && <p className="notice notice-danger">{t('import.notImported', { error: t('import.noFile') })}</p>}
        {outcome.state === 'failed' && (
          <p className="notice notice-danger">
            {t('import.notImported', { error: '' })}
            <span>{outcome.message}</span>
          </p>
        )}
        {outcome.state === 'done' && <ReportView report={outcome.report} error={outcome.error} />}
      </div>
    </form>
  );
}

function ReportView({ report, error }: { report: ImportReport; error?: string }) {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const saved =
    report.added !== undefined
      ? t('import.saved', { added: format.number(report.added), updated: format.number(report.updated ?? 0), unchanged: format.number(report.unchanged ?? 0) })
      : '';
  const counts = { count: report.total, total: format.number(report.total), valid: format.number(report.valid), rejected: format.number(report.rejected) };
  return (
    <div className={`notice ${error || report.rejected ? 'notice-warn' : 'notice-good'} stack tight`}>
      {error && <p>{error}</p>}
      <p>
        {report.unit === 'item' ? t('import.readItems', counts) : t('import.readRows', counts)} {saved}
      </p>
      {report.ignoredColumns.length > 0 && (
        <p className="small">
          {t('import.ignoredColumns')} <span translate="no">{report.ignoredColumns.join(', ')}</span>
        </p>
      )}
      {report.errors.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('import.refusedRows')}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('import.row')}
                </th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {/* Column names are the file's; the problems are the import check's words (English, like the server's). */}
              {report.errors.map((problem, index) => (
                <tr key={index}>
                  <td className="num">{format.number(problem.row)}</td>
                  <td translate="no">{problem.column}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.errorsLeftOut > 0 && <p className="small">{t('import.moreProblems', { count: report.errorsLeftOut, formatted: format.number(report.errorsLeftOut) })}</p>}
    </div>
  );
}
