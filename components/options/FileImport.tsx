import { useId, useState } from 'react';
import { toCsv } from '@/lib/format/csv';
import { downloadText } from '@/components/ui/download';
import { COLUMNS, countOf, KIND_LABELS, TEMPLATE_FILES } from '@/lib/import/columns';
import { templatePath } from '@/lib/import/templates';
import { IMPORT_KINDS, type ImportKind, type ParsedImport } from '@/lib/import/types';
import { useFileImport, type ImportPhase } from './use-file-import';

/** Rejected-row lines shown on the page; the full list is a download. */
const SHOWN_ERRORS = 200;

/**
 * Imports profiles, page views or the content catalog from a CSV or JSON file into this browser.
 * Everything from the file is shown as text (React escapes it); nothing from it is ever HTML.
 */
export function FileImport() {
  const { phase, counts, choose, importValid, cancel, clear } = useFileImport();
  const [kind, setKind] = useState<ImportKind>('profiles');
  const [confirmingClear, setConfirmingClear] = useState(false);
  const inputId = useId();
  const busy = phase.step === 'reading' || phase.step === 'saving';

  return (
    <div className="stack" data-testid="file-import">
      <p className="small" data-testid="imported-counts">
        {counts
          ? counts.profiles + counts.pageViews + counts.content === 0
            ? 'Nothing imported yet.'
            : `In this browser: ${countOf('profiles', counts.profiles)}, ${countOf('pageViews', counts.pageViews)}, ${countOf('content', counts.content)}.`
          : 'Counting imported data…'}
      </p>

      <fieldset className="plain-fieldset row" role="radiogroup" aria-label="What the file holds">
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
            {KIND_LABELS[option]}
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={inputId}>Choose a CSV or JSON file</label>
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
        Download template:{' '}
        {IMPORT_KINDS.map((option, index) => (
          <span key={option}>
            {index > 0 && ' · '}
            <a href={templatePath(option)} download={TEMPLATE_FILES[option]}>
              {TEMPLATE_FILES[option]}
            </a>
          </span>
        ))}
      </p>

      <details>
        <summary className="small">Columns of a {KIND_LABELS[kind].toLowerCase()} file</summary>
        <ColumnList kind={kind} />
      </details>

      <ImportStatus phase={phase} onImport={importValid} onCancel={cancel} />

      {counts && counts.profiles + counts.pageViews + counts.content > 0 && (
        <div className="row">
          {confirmingClear ? (
            <div className="notice notice-danger row" role="alertdialog" aria-labelledby="confirm-clear-import">
              <span id="confirm-clear-import">Remove every imported profile, page view and content item from this browser?</span>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => {
                  setConfirmingClear(false);
                  void clear();
                }}
              >
                Yes, remove imported data
              </button>
              <button type="button" className="btn" onClick={() => setConfirmingClear(false)} autoFocus>
                Keep it
              </button>
            </div>
          ) : (
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setConfirmingClear(true)}>
              Remove imported data
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function ColumnList({ kind }: { kind: ImportKind }) {
  return (
    <table className="data small">
      <thead>
        <tr>
          <th scope="col">Column</th>
          <th scope="col">Needed</th>
          <th scope="col">What it holds</th>
        </tr>
      </thead>
      <tbody>
        {COLUMNS[kind].map((column) => (
          <tr key={column.name}>
            <td>
              <code>{column.name}</code>
            </td>
            <td>{column.required === true ? 'yes' : (column.required ?? '')}</td>
            <td>{column.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportStatus({ phase, onImport, onCancel }: { phase: ImportPhase; onImport: () => void; onCancel: () => void }) {
  switch (phase.step) {
    case 'idle':
      return null;
    case 'reading':
      return (
        <div className="stack" data-testid="import-progress">
          <progress aria-label="Checking the file" max={1} value={phase.fraction} />
          <div className="row small">
            <span role="status" aria-live="polite">
              Checking {phase.fileName}: {phase.rows.toLocaleString('en-US')} rows so far…
            </span>
            <button type="button" className="btn" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </div>
      );
    case 'saving':
      return (
        <div className="stack" data-testid="import-progress">
          <progress aria-label="Importing" max={1} value={phase.fraction} />
          <span role="status" aria-live="polite" className="small">
            Importing {countOf(phase.parsed.kind, phase.parsed.valid)}…
          </span>
        </div>
      );
    case 'failed':
      return (
        <div className="notice notice-danger" role="alert" data-testid="import-failed">
          <p>
            <strong>{phase.fileName} was not imported.</strong> {phase.message}
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
            <strong>Imported {countOf(parsed.kind, parsed.valid)}</strong> from {phase.fileName}.{' '}
            <span data-testid="import-outcome">
              {outcome.added.toLocaleString('en-US')} new, {outcome.updated.toLocaleString('en-US')} updated, {outcome.unchanged.toLocaleString('en-US')} unchanged.
            </span>
            {parsed.rejected > 0 && ` ${parsed.rejected.toLocaleString('en-US')} rejected ${parsed.unit}${parsed.rejected === 1 ? ' was' : 's were'} left out.`}
          </p>
          <Notes parsed={parsed} />
        </div>
      );
    }
  }
}

function Review({ parsed, fileName, onImport, onCancel }: { parsed: ParsedImport; fileName: string; onImport: () => void; onCancel: () => void }) {
  const unit = parsed.unit === 'item' ? 'Item' : 'Row';
  const downloadProblems = () =>
    downloadText(
      `${fileName.replace(/\.[^.]*$/, '')}-rejected.csv`,
      toCsv([unit, 'Column', 'Reason'], parsed.errors.map((error) => [error.row, error.column, error.message])),
    );
  return (
    <section className="notice notice-warn stack" aria-labelledby="import-report-title" data-testid="import-report">
      <h3 id="import-report-title">
        {fileName}: <span data-testid="import-valid">{parsed.valid.toLocaleString('en-US')} valid</span>,{' '}
        <span data-testid="import-rejected">{parsed.rejected.toLocaleString('en-US')} rejected</span>
      </h3>
      <p className="small">Nothing has been imported yet. Fix the file and choose it again, or import only the valid {parsed.unit}s.</p>
      <div style={{ maxHeight: 320, overflow: 'auto' }}>
        <table className="data" data-testid="rejected-rows">
          <caption className="visually-hidden">Rejected {parsed.unit}s and why</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {unit}
              </th>
              <th scope="col">Column</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {parsed.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
              <tr key={index}>
                <td className="num">{error.row}</td>
                <td>
                  <code>{error.column}</code>
                </td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {parsed.errors.length > SHOWN_ERRORS && (
        <p className="small">
          Showing the first {SHOWN_ERRORS} of {parsed.errors.length.toLocaleString('en-US')} problems; the download has them all.
        </p>
      )}
      <Notes parsed={parsed} />
      <div className="row">
        {parsed.valid > 0 ? (
          <button type="button" className="btn btn-primary" onClick={onImport}>
            {`Import ${parsed.valid.toLocaleString('en-US')} valid ${parsed.unit}${parsed.valid === 1 ? '' : 's'}`}
          </button>
        ) : (
          <span className="small">No {parsed.unit} is valid: nothing to import.</span>
        )}
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="btn btn-quiet" onClick={downloadProblems}>
          Download the list of problems (CSV)
        </button>
      </div>
    </section>
  );
}

/** What was read but not imported as such: unknown columns, merged duplicates. */
function Notes({ parsed }: { parsed: ParsedImport }) {
  return (
    <>
      {parsed.ignoredColumns.length > 0 && (
        <p className="small">
          Ignored {parsed.ignoredColumns.length === 1 ? 'column' : 'columns'} (not in the documented set): {parsed.ignoredColumns.slice(0, 12).join(', ')}
          {parsed.ignoredColumns.length > 12 ? ', …' : ''}
        </p>
      )}
      {parsed.duplicatesMerged > 0 && (
        <p className="small">{countOf('pageViews', parsed.duplicatesMerged)} appeared more than once in the file and were kept once.</p>
      )}
    </>
  );
}
