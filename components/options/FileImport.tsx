import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { toCsv } from '@/lib/format/csv';
import { downloadText } from '@/components/ui/download';
import { useIntlLocale } from '@/components/ui/i18n';
import { COLUMNS, TEMPLATE_FILES } from '@/lib/import/columns';
import { templatePath } from '@/lib/import/templates';
import { IMPORT_KINDS, type ImportKind, type ParsedImport } from '@/lib/import/types';
import { failureWords } from './use-host-access';
import { useFileImport, type ImportPhase } from './use-file-import';
import { CodedMessage, useCodedText } from '@/components/ui/CodedMessage';

/** Rejected-row lines shown on the page; the full list is a download. */
const SHOWN_ERRORS = 200;

type T = TFunction<'options'>;
/** "3 profiles", "1 page view", in the UI's language and number format. */
const countOf = (t: T, kind: ImportKind, count: number) => t(`import.count.${kind}`, { count });

/**
 * Imports profiles, page views or the content catalog from a CSV or JSON file into this browser.
 * Everything from the file is shown as text (React escapes it); nothing from it is ever HTML.
 */
export function FileImport() {
  const { t, i18n } = useTranslation(['options', 'common']);
  const { phase, counts, choose, importValid, cancel, clear } = useFileImport();
  const [kind, setKind] = useState<ImportKind>('profiles');
  const [confirmingClear, setConfirmingClear] = useState(false);
  const [clearFailure, setClearFailure] = useState<string>();
  const inputId = useId();
  const busy = phase.step === 'reading' || phase.step === 'saving';

  return (
    <div className="stack" data-testid="file-import">
      <p className="small" data-testid="imported-counts">
        {counts
          ? counts.profiles + counts.pageViews + counts.content === 0
            ? t('import.nothingYet')
            : t('import.inBrowser', {
                profiles: countOf(t, 'profiles', counts.profiles),
                pageViews: countOf(t, 'pageViews', counts.pageViews),
                content: countOf(t, 'content', counts.content),
              })
          : t('import.counting')}
      </p>

      <fieldset className="plain-fieldset row" role="radiogroup" aria-label={t('import.whatFileHolds')}>
        {IMPORT_KINDS.map((option) => (
          <label key={option} className="row">
            <input
              type="radio"
              name="import-kind"
              value={option}
              checked={kind === option}
              disabled={busy}
              onChange={() => {
                setKind(option);
                if (!busy) cancel();
              }}
            />
            {t(`import.kind.${option}`)}
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={inputId}>{t('import.chooseFile')}</label>
        <input
          id={inputId}
          type="file"
          accept=".csv,.json,.tsv,.txt,text/csv,application/json"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so choosing the same file again (a re-import) fires a change again.
            event.target.value = '';
            if (file) void choose(file, kind);
          }}
        />
      </div>

      <p className="small">
        {t('import.templates')}{' '}
        {IMPORT_KINDS.map((option, index) => (
          <span key={option}>
            {index > 0 && ' · '}
            <a href={templatePath(option)} download={TEMPLATE_FILES[option]} translate="no">
              {TEMPLATE_FILES[option]}
            </a>
          </span>
        ))}
      </p>

      <details>
        <summary className="small">{t(`import.columnsOf.${kind}`)}</summary>
        <ColumnList kind={kind} />
      </details>

      <ImportStatus phase={phase} onImport={importValid} onCancel={cancel} />

      {counts && counts.profiles + counts.pageViews + counts.content > 0 && (
        <div className="row">
          {confirmingClear ? (
            <div className="notice notice-danger row" role="alertdialog" aria-labelledby="confirm-clear-import">
              <span id="confirm-clear-import">{t('import.confirmClear')}</span>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => {
                  setConfirmingClear(false);
                  setClearFailure(undefined);
                  clear().catch((error: unknown) => setClearFailure(t('import.clearFailed', { error: failureWords(error, i18n) })));
                }}
              >
                {t('import.yesRemove')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirmingClear(false)} autoFocus>
                {t('import.keep')}
              </button>
            </div>
          ) : (
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setConfirmingClear(true)}>
              {t('import.remove')}
            </button>
          )}
        </div>
      )}
      {clearFailure && (
        <p className="notice notice-danger" role="alert">
          {clearFailure}
        </p>
      )}
    </div>
  );
}

/**
 * The documented columns. Their descriptions are lib/import's documentation (shared with
 * docs/file-import.md and the templates) and stay English, marked as such for screen readers.
 */
function ColumnList({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation(['options', 'common']);
  const locale = useIntlLocale();
  const oneOf = new Intl.ListFormat(locale, { type: 'disjunction' });
  return (
    <table className="data small">
      <thead>
        <tr>
          <th scope="col">{t('import.column')}</th>
          <th scope="col">{t('import.needed')}</th>
          <th scope="col">{t('import.holds')}</th>
        </tr>
      </thead>
      <tbody>
        {COLUMNS[kind].map((column) => (
          <tr key={column.name}>
            <td>
              <code>{column.name}</code>
            </td>
            <td>
              {column.required === true
                ? t('import.yes')
                : column.required && <span translate="no">{oneOf.format(column.required.split(' or '))}</span>}
            </td>
            <td lang="en">{column.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportStatus({ phase, onImport, onCancel }: { phase: ImportPhase; onImport: () => void; onCancel: () => void }) {
  const { t } = useTranslation(['options', 'common']);
  switch (phase.step) {
    case 'idle':
      return null;
    case 'reading':
      return (
        <div className="stack" data-testid="import-progress">
          <progress aria-label={t('import.checkingFile')} max={1} value={phase.fraction} />
          <div className="row small">
            <span role="status" aria-live="polite">
              {t('import.checking', { file: phase.fileName, count: phase.rows })}
            </span>
            <button type="button" className="btn" onClick={onCancel}>
              {t('common:cancel')}
            </button>
          </div>
        </div>
      );
    case 'saving':
      return (
        <div className="stack" data-testid="import-progress">
          <progress aria-label={t('import.importing')} max={1} value={phase.fraction} />
          <span role="status" aria-live="polite" className="small">
            {t('import.importingWhat', { what: countOf(t, phase.parsed.kind, phase.parsed.valid) })}
          </span>
        </div>
      );
    case 'failed':
      return (
        <div className="notice notice-danger" role="alert" data-testid="import-failed">
          <p>
            <strong>{t('import.notImported', { file: phase.fileName })}</strong>{' '}
            <CodedMessage coded={'parsed' in phase ? phase.parsed?.fatalCoded : undefined} fallback={phase.message} testId="import-fatal" />
          </p>
        </div>
      );
    case 'review':
      return <Review parsed={phase.parsed} fileName={phase.fileName} onImport={onImport} onCancel={onCancel} />;
    case 'done': {
      const { parsed, outcome } = phase;
      return (
        <div className="notice notice-good stack" data-testid="import-done">
          <p role="status" aria-live="polite">
            <strong>{t('import.imported', { what: countOf(t, parsed.kind, parsed.valid) })}</strong> {t('import.importedFrom', { file: phase.fileName })}{' '}
            <span data-testid="import-outcome">
              {t('import.outcome', { added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged })}
            </span>
            {parsed.rejected > 0 &&
              ` ${parsed.unit === 'item' ? t('import.rejectedItemsLeftOut', { count: parsed.rejected }) : t('import.rejectedRowsLeftOut', { count: parsed.rejected })}`}
          </p>
          <Notes parsed={parsed} />
        </div>
      );
    }
  }
}

function Review({ parsed, fileName, onImport, onCancel }: { parsed: ParsedImport; fileName: string; onImport: () => void; onCancel: () => void }) {
  const { t } = useTranslation(['options', 'common']);
  const reasonText = useCodedText();
  const items = parsed.unit === 'item';
  const unit = items ? t('import.item') : t('import.row');
  // The downloaded report gives each reason in the same words as the table.
  const downloadProblems = () =>
    downloadText(
      `${fileName.replace(/\.[^.]*$/, '')}-rejected.csv`,
      toCsv([unit, t('import.column'), t('import.reason')], parsed.errors.map((error) => [error.row, error.column, reasonText(error.coded, error.message)])),
    );
  return (
    <section className="notice notice-warn stack" aria-labelledby="import-report-title" data-testid="import-report">
      <h3 id="import-report-title">
        <span translate="no">{fileName}</span>: <span data-testid="import-valid">{t('import.valid', { count: parsed.valid })}</span>,{' '}
        <span data-testid="import-rejected">{t('import.rejected', { count: parsed.rejected })}</span>
      </h3>
      <p className="small">{items ? t('import.fixItems') : t('import.fixRows')}</p>
      <div style={{ maxHeight: 320, overflow: 'auto' }}>
        <table className="data" data-testid="rejected-rows">
          <caption className="visually-hidden">{items ? t('import.rejectedItemsCaption') : t('import.rejectedRowsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {unit}
              </th>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {parsed.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
              <tr key={index}>
                <td className="num">{error.row}</td>
                <td>
                  {/* The column as the file and the template name it: not translated. */}
                  <code translate="no">{error.column}</code>
                </td>
                <td>
                  <CodedMessage coded={error.coded} fallback={error.message} testId="row-reason" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {parsed.errors.length > SHOWN_ERRORS && (
        <p className="small">
          {t('import.showingFirst', { shown: SHOWN_ERRORS, count: parsed.errors.length })}
        </p>
      )}
      <Notes parsed={parsed} />
      <div className="row">
        {parsed.valid > 0 ? (
          <button type="button" className="btn btn-primary" onClick={onImport}>
            {items ? t('import.importValidItems', { count: parsed.valid }) : t('import.importValidRows', { count: parsed.valid })}
          </button>
        ) : (
          <span className="small">{items ? t('import.noValidItem') : t('import.noValidRow')}</span>
        )}
        <button type="button" className="btn" onClick={onCancel}>
          {t('common:cancel')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={downloadProblems}>
          {t('import.downloadProblems')}
        </button>
      </div>
    </section>
  );
}

/** What was read but not imported as such: unknown columns, merged duplicates. */
function Notes({ parsed }: { parsed: ParsedImport }) {
  const { t } = useTranslation(['options', 'common']);
  return (
    <>
      {parsed.ignoredColumns.length > 0 && (
        <p className="small">
          {t('import.ignoredColumns', {
            count: parsed.ignoredColumns.length,
            columns: parsed.ignoredColumns.slice(0, 12).join(', ') + (parsed.ignoredColumns.length > 12 ? ', …' : ''),
          })}
        </p>
      )}
      {parsed.duplicatesMerged > 0 && (
        <p className="small">{t('import.duplicates', { what: countOf(t, 'pageViews', parsed.duplicatesMerged) })}</p>
      )}
    </>
  );
}
