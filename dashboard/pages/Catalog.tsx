import { useEffect, useRef, useState, type FormEvent } from 'react';
import { DataTable } from '@/components/insights/DataTable';
import { SafeLink } from '@/components/ui/SafeLink';
import { formatDateTime } from '@/lib/format/time';
import { AudienceSchema, BuyerStageSchema, ContentTypeSchema, type BuyerStage, type ContentItem } from '@/lib/schema/content';
import { CatalogEditSchema, CatalogSchema, type CatalogEdit, type CatalogEntry } from '@/lib/schema/dashboard';
import { call } from '../api/client';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../hooks/use-api';
import { dayText, typeLabel } from '../labels';
import { CatalogImport } from './CatalogImport';

export function CatalogPage() {
  const catalog = useApi('/catalog', CatalogSchema, 'the catalog');
  const [editing, setEditing] = useState<string | null>(null);
  const [action, setAction] = useState<{ id: string; message: string; failed: boolean } | null>(null);

  const setRetired = async (entry: CatalogEntry, retire: boolean) => {
    const verb = retire ? 'retire' : 'restore';
    try {
      await call('POST', `/catalog/${encodeURIComponent(entry.item.id)}/${verb}`, null, { what: retire ? 'Retiring the item' : 'Restoring the item' });
      setAction({ id: entry.item.id, message: `✓ "${entry.item.title}" ${retire ? 'retired: reps stop seeing it at their next catalog refresh' : 'restored'}.`, failed: false });
      catalog.reload();
    } catch (error) {
      setAction({ id: entry.item.id, message: `"${entry.item.title}" was not ${verb}d: ${error instanceof Error ? error.message : String(error)}`, failed: true });
    }
  };

  return (
    <div className="stack">
      <PageHeader title="Catalog" testId="page-catalog" />
      <p className="muted">The content reps are offered. Changes reach the reps' extensions at their next catalog refresh.</p>
      {action && (
        <p className={`notice ${action.failed ? 'notice-danger' : 'notice-good'}`} role={action.failed ? 'alert' : 'status'} data-testid="catalog-action-result">
          {action.message}
        </p>
      )}
      <Load loaded={catalog} what="the catalog">
        {(data) => {
          const entry = data.items.find((candidate) => candidate.item.id === editing);
          return (
            <>
              {entry && (
                <EditForm
                  key={entry.item.id}
                  entry={entry}
                  others={data.items.filter((other) => other.item.id !== entry.item.id)}
                  close={() => setEditing(null)}
                  onSaved={catalog.reload}
                />
              )}
              <DataTable
                title={`${data.items.length} items`}
                testId="catalog-table"
                csvName="leadside-catalog"
                rows={data.items}
                rowKey={(row) => row.item.id}
                empty="The catalog is empty. Import a CSV file below, or connect HubSpot or Mautic under Sources & users."
                columns={[
                  { header: 'Title', value: (row) => row.item.title, render: (row) => <SafeLink href={row.item.url}>{row.item.title}</SafeLink> },
                  { header: 'Type', value: (row) => typeLabel(row.item.type) },
                  { header: 'Topics', value: (row) => row.item.topics.join('; ') },
                  { header: 'Review by', value: (row) => (row.item.reviewBy ? dayText(row.item.reviewBy) : '') },
                  { header: 'Replaced by', value: (row) => (row.item.replacedBy ? (data.items.find((other) => other.item.id === row.item.replacedBy)?.item.title ?? row.item.replacedBy) : '') },
                  { header: 'From', value: (row) => row.origin ?? 'Import or API' },
                  { header: 'Updated', value: (row) => formatDateTime(row.updatedAt) },
                  {
                    header: 'Status',
                    value: (row) => (row.retired ? 'Retired' : 'Offered'),
                    render: (row) => <span className={`badge ${row.retired ? '' : 'badge-good'}`}>{row.retired ? 'Retired' : 'Offered'}</span>,
                  },
                  {
                    header: 'Actions',
                    value: () => '',
                    render: (row) => (
                      <span className="row nowrap">
                        <button type="button" className="btn" onClick={() => setEditing(row.item.id)} aria-label={`Edit ${row.item.title}`} data-testid={`catalog-edit-${row.item.id}`}>
                          Edit
                        </button>
                        <button
                          type="button"
                          className={`btn ${row.retired ? '' : 'btn-danger'}`}
                          onClick={() => void setRetired(row, !row.retired)}
                          aria-label={`${row.retired ? 'Restore' : 'Retire'} ${row.item.title}`}
                          data-testid={`catalog-${row.retired ? 'restore' : 'retire'}-${row.item.id}`}
                        >
                          {row.retired ? 'Restore' : 'Retire'}
                        </button>
                      </span>
                    ),
                  },
                ]}
              />
            </>
          );
        }}
      </Load>
      <CatalogImport onImported={catalog.reload} />
    </div>
  );
}

const BUYER_STAGE_LABELS: Record<BuyerStage, string> = { awareness: 'Awareness', consideration: 'Consideration', decision: 'Decision', expansion: 'Expansion' };

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };
const list = (text: string) => text.split(/[;,]/).map((part) => part.trim()).filter(Boolean);

/** Edits the fields marketers own; only what changed is sent. */
function EditForm({ entry, others, close, onSaved }: { entry: CatalogEntry; others: CatalogEntry[]; close(): void; onSaved(): void }) {
  const { item } = entry;
  const [title, setTitle] = useState(item.title);
  const [summary, setSummary] = useState(item.summary);
  const [url, setUrl] = useState(item.url);
  const [type, setType] = useState(item.type);
  const [topics, setTopics] = useState(item.topics.join('; '));
  const [reviewBy, setReviewBy] = useState(item.reviewBy ?? '');
  const [replacedBy, setReplacedBy] = useState(item.replacedBy ?? '');
  const [expiresAt, setExpiresAt] = useState(item.expiresAt ?? '');
  const [language, setLanguage] = useState(item.language ?? '');
  const [translationOf, setTranslationOf] = useState(item.translationOf ?? '');
  const [buyerStages, setBuyerStages] = useState<BuyerStage[]>(item.buyerStages ?? []);
  const [audience, setAudience] = useState(item.audience ?? '');
  const [competitors, setCompetitors] = useState((item.competitors ?? []).join('; '));
  const [products, setProducts] = useState((item.products ?? []).join('; '));
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    // Only what changed is sent; an emptied review date or replacement is sent as null (taken off).
    const next: CatalogEdit = {
      title: title.trim(),
      summary: summary.trim(),
      url: url.trim(),
      type,
      topics: list(topics),
      reviewBy: reviewBy || null,
      replacedBy: replacedBy || null,
      expiresAt: expiresAt || null,
      language: language.trim() || null,
      translationOf: translationOf || null,
      buyerStages: BuyerStageSchema.options.filter((stage) => buyerStages.includes(stage)),
      audience: audience ? AudienceSchema.parse(audience) : null,
      competitors: list(competitors),
      products: list(products),
    };
    // An item without a list field has it empty; without another field, null.
    const current = (key: string, value: unknown) => item[key as keyof ContentItem] ?? (Array.isArray(value) ? [] : null);
    const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(current(key, value))));
    if (Object.keys(changed).length === 0) {
      setSaving({ state: 'failed', message: 'Nothing changed.' });
      return;
    }
    const checked = CatalogEditSchema.safeParse(changed);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      setSaving({ state: 'failed', message: `${String(issue.path[0] ?? 'item')}: ${issue.message}` });
      return;
    }
    setSaving({ state: 'saving' });
    try {
      await call('PATCH', `/catalog/${encodeURIComponent(item.id)}`, null, { body: checked.data, what: 'Saving the item' });
      setSaving({ state: 'saved' });
      onSaved();
    } catch (error) {
      setSaving({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <form className="card section" onSubmit={save} aria-labelledby="catalog-edit-title" data-testid="catalog-edit-form">
      <div className="spread">
        <h2 id="catalog-edit-title" ref={heading} tabIndex={-1}>
          Edit “{item.title}”
        </h2>
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </div>
      <div className="form-grid">
        <label className="field">
          <span>Title</span>
          <input required value={title} onChange={(event) => setTitle(event.target.value)} data-testid="catalog-field-title" />
        </label>
        <label className="field">
          <span>Link (https://…)</span>
          <input type="url" required value={url} onChange={(event) => setUrl(event.target.value)} data-testid="catalog-field-url" />
        </label>
        <label className="field">
          <span>Type</span>
          <select value={type} onChange={(event) => setType(event.target.value as ContentItem['type'])}>
            {ContentTypeSchema.options.map((option) => (
              <option key={option} value={option}>
                {typeLabel(option)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Topics (separated by ;)</span>
          <input value={topics} onChange={(event) => setTopics(event.target.value)} data-testid="catalog-field-topics" />
        </label>
        <label className="field">
          <span>Review by</span>
          <input type="date" value={reviewBy} onChange={(event) => setReviewBy(event.target.value)} data-testid="catalog-field-review-by" />
        </label>
        <label className="field">
          <span>Replaced by</span>
          <OtherItemSelect value={replacedBy} onChange={setReplacedBy} none="Not replaced" others={others} testId="catalog-field-replaced-by" />
        </label>
        <label className="field">
          <span>Send until (expires)</span>
          <input type="date" value={expiresAt} onChange={(event) => setExpiresAt(event.target.value)} data-testid="catalog-field-expires-at" />
        </label>
        <label className="field">
          <span>Language (e.g. en, de, pt-BR; empty: the catalog&apos;s main one)</span>
          <input value={language} onChange={(event) => setLanguage(event.target.value)} data-testid="catalog-field-language" />
        </label>
        <label className="field">
          <span>Translation of</span>
          <OtherItemSelect value={translationOf} onChange={setTranslationOf} none="Not a translation" others={others} testId="catalog-field-translation-of" />
        </label>
        <label className="field">
          <span>Written for</span>
          <select value={audience} onChange={(event) => setAudience(event.target.value)} data-testid="catalog-field-audience">
            <option value="">Prospects and customers</option>
            <option value="prospect">Prospects</option>
            <option value="customer">Customers</option>
          </select>
        </label>
        <label className="field">
          <span>Competitors it is about (separated by ;)</span>
          <input value={competitors} onChange={(event) => setCompetitors(event.target.value)} data-testid="catalog-field-competitors" />
        </label>
        <label className="field">
          <span>Products (separated by ;)</span>
          <input value={products} onChange={(event) => setProducts(event.target.value)} data-testid="catalog-field-products" />
        </label>
        <fieldset className="plain-fieldset field-wide" data-testid="catalog-field-buyer-stages">
          <legend>Buyer&apos;s journey (none ticked: any stage)</legend>
          <div className="row">
            {BuyerStageSchema.options.map((stage) => (
              <label key={stage} className="row check">
                <input
                  type="checkbox"
                  checked={buyerStages.includes(stage)}
                  onChange={(event) => setBuyerStages((current) => (event.target.checked ? [...current, stage] : current.filter((other) => other !== stage)))}
                />
                {BUYER_STAGE_LABELS[stage]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field field-wide">
          <span>Summary</span>
          <textarea rows={3} value={summary} onChange={(event) => setSummary(event.target.value)} data-testid="catalog-field-summary" />
        </label>
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={saving.state === 'saving'}>
          {saving.state === 'saving' ? 'Saving…' : 'Save changes'}
        </button>
        <span role="status" data-testid="catalog-edit-result" className={saving.state === 'failed' ? 'text-danger' : 'text-good'}>
          {saving.state === 'saved' && '✓ Saved. Reps get it at their next catalog refresh.'}
          {saving.state === 'failed' && `Not saved: ${saving.message}`}
        </span>
      </div>
    </form>
  );
}

/** Another item of the catalog, or none: what an item is replaced by, or translates. */
function OtherItemSelect({ value, onChange, none, others, testId }: { value: string; onChange(id: string): void; none: string; others: CatalogEntry[]; testId: string }) {
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
      <option value="">{none}</option>
      {others.map((other) => (
        <option key={other.item.id} value={other.item.id}>
          {other.item.title}
        </option>
      ))}
    </select>
  );
}
