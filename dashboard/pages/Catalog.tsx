import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/insights/DataTable';
import { SafeLink } from '@/components/ui/SafeLink';
import { AudienceSchema, BuyerStageSchema, ContentTypeSchema, type BuyerStage, type ContentItem } from '@/lib/schema/content';
import { CatalogEditSchema, CatalogSchema, type CatalogEdit, type CatalogEntry } from '@/lib/schema/dashboard';
import { call } from '../api/client';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { useApi } from '../hooks/use-api';
import { useLabels } from '../hooks/use-labels';
import { CatalogImport } from './CatalogImport';

export function CatalogPage() {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const catalog = useApi('/catalog', CatalogSchema, t('what.catalog'));
  const [editing, setEditing] = useState<string | null>(null);
  // Kept as what happened, so the line follows a change of language; the server's words stay as they came.
  const [action, setAction] = useState<{ id: string; title: string; retire: boolean; error?: string } | null>(null);

  const setRetired = async (entry: CatalogEntry, retire: boolean) => {
    const verb = retire ? 'retire' : 'restore';
    const title = entry.item.title;
    try {
      await call('POST', `/catalog/${encodeURIComponent(entry.item.id)}/${verb}`, null, { what: retire ? t('catalog.retiring') : t('catalog.restoring') });
      setAction({ id: entry.item.id, title, retire });
      catalog.reload();
    } catch (error) {
      setAction({ id: entry.item.id, title, retire, error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="stack">
      <PageHeader title={t('nav.catalog')} testId="page-catalog" />
      <p className="muted">{t('catalog.intro')}</p>
      {action && (
        <p className={`notice ${action.error ? 'notice-danger' : 'notice-good'}`} role={action.error ? 'alert' : 'status'} data-testid="catalog-action-result">
          {action.error ? (
            <>
              {t(action.retire ? 'catalog.notRetired' : 'catalog.notRestored', { title: action.title })} <span>{action.error}</span>
            </>
          ) : (
            t(action.retire ? 'catalog.retired' : 'catalog.restored', { title: action.title })
          )}
        </p>
      )}
      <Load loaded={catalog} what={t('what.catalog')}>
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
                title={t('catalog.count', { count: data.items.length, formatted: format.number(data.items.length) })}
                testId="catalog-table"
                csvName="leadside-catalog"
                rows={data.items}
                rowKey={(row) => row.item.id}
                empty={t('catalog.empty')}
                columns={[
                  {
                    header: t('catalog.title'),
                    value: (row) => row.item.title,
                    render: (row) => (
                      <SafeLink href={row.item.url}>
                        <span translate="no">{row.item.title}</span>
                      </SafeLink>
                    ),
                  },
                  { header: t('column.type'), value: (row) => format.type(row.item.type) },
                  { header: t('catalog.topics'), value: (row) => row.item.topics.join('; '), render: (row) => <span translate="no">{row.item.topics.join('; ')}</span> },
                  { header: t('column.reviewBy'), value: (row) => (row.item.reviewBy ? format.day(row.item.reviewBy) : ''), formatted: true },
                  {
                    header: t('column.replacedBy'),
                    value: (row) => (row.item.replacedBy ? (data.items.find((other) => other.item.id === row.item.replacedBy)?.item.title ?? row.item.replacedBy) : ''),
                    render: (row) => <span translate="no">{row.item.replacedBy ? (data.items.find((other) => other.item.id === row.item.replacedBy)?.item.title ?? row.item.replacedBy) : ''}</span>,
                  },
                  // Where it came from: a source's name (HubSpot, Mautic) is a product name; none is our words.
                  { header: t('catalog.origin'), value: (row) => row.origin ?? t('catalog.originImport'), render: (row) => (row.origin ? <span translate="no">{row.origin}</span> : t('catalog.originImport')) },
                  { header: t('catalog.updated'), value: (row) => format.dateTime(row.updatedAt), formatted: true },
                  {
                    header: t('column.status'),
                    value: (row) => (row.retired ? t('status.retired') : t('status.offered')),
                    render: (row) => <span className={`badge ${row.retired ? '' : 'badge-good'}`}>{row.retired ? t('status.retired') : t('status.offered')}</span>,
                  },
                  {
                    header: t('catalog.actions'),
                    value: () => '',
                    render: (row) => (
                      <span className="row nowrap">
                        <button type="button" className="btn" onClick={() => setEditing(row.item.id)} aria-label={t('catalog.editLabel', { title: row.item.title })} data-testid={`catalog-edit-${row.item.id}`}>
                          {t('catalog.edit')}
                        </button>
                        <button
                          type="button"
                          className={`btn ${row.retired ? '' : 'btn-danger'}`}
                          onClick={() => void setRetired(row, !row.retired)}
                          aria-label={t(row.retired ? 'catalog.restoreLabel' : 'catalog.retireLabel', { title: row.item.title })}
                          data-testid={`catalog-${row.retired ? 'restore' : 'retire'}-${row.item.id}`}
                        >
                          {row.retired ? t('catalog.restore') : t('catalog.retire')}
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

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'unchanged' } | { state: 'failed'; message: string };
const list = (text: string) => text.split(/[;,]/).map((part) => part.trim()).filter(Boolean);

/** Edits the fields marketers own; only what changed is sent. */
function EditForm({ entry, others, close, onSaved }: { entry: CatalogEntry; others: CatalogEntry[]; close(): void; onSaved(): void }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const format = useLabels();
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
      setSaving({ state: 'unchanged' });
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
      await call('PATCH', `/catalog/${encodeURIComponent(item.id)}`, null, { body: checked.data, what: t('catalog.savingItem') });
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
          {t('catalog.editTitle')} <span translate="no">“{item.title}”</span>
        </h2>
        <button type="button" className="btn" onClick={close}>
          {t('common:close')}
        </button>
      </div>
      <div className="form-grid">
        <label className="field">
          <span>{t('catalog.title')}</span>
          <input required value={title} onChange={(event) => setTitle(event.target.value)} data-testid="catalog-field-title" />
        </label>
        <label className="field">
          <span>{t('catalog.link')}</span>
          <input type="url" required value={url} onChange={(event) => setUrl(event.target.value)} data-testid="catalog-field-url" />
        </label>
        <label className="field">
          <span>{t('column.type')}</span>
          <select value={type} onChange={(event) => setType(event.target.value as ContentItem['type'])}>
            {ContentTypeSchema.options.map((option) => (
              <option key={option} value={option}>
                {format.type(option)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('catalog.topicsField')}</span>
          <input value={topics} onChange={(event) => setTopics(event.target.value)} data-testid="catalog-field-topics" />
        </label>
        <label className="field">
          <span>{t('column.reviewBy')}</span>
          <input type="date" value={reviewBy} onChange={(event) => setReviewBy(event.target.value)} data-testid="catalog-field-review-by" />
        </label>
        <label className="field">
          <span>{t('column.replacedBy')}</span>
          <OtherItemSelect value={replacedBy} onChange={setReplacedBy} none={t('catalog.notReplaced')} others={others} testId="catalog-field-replaced-by" />
        </label>
        <label className="field">
          <span>{t('catalog.expires')}</span>
          <input type="date" value={expiresAt} onChange={(event) => setExpiresAt(event.target.value)} data-testid="catalog-field-expires-at" />
        </label>
        <label className="field">
          <span>{t('catalog.language')}</span>
          <input value={language} onChange={(event) => setLanguage(event.target.value)} data-testid="catalog-field-language" />
        </label>
        <label className="field">
          <span>{t('catalog.translationOf')}</span>
          <OtherItemSelect value={translationOf} onChange={setTranslationOf} none={t('catalog.notTranslation')} others={others} testId="catalog-field-translation-of" />
        </label>
        <label className="field">
          <span>{t('catalog.audience')}</span>
          <select value={audience} onChange={(event) => setAudience(event.target.value)} data-testid="catalog-field-audience">
            <option value="">{t('catalog.audienceAll')}</option>
            <option value="prospect">{t('catalog.audienceProspect')}</option>
            <option value="customer">{t('catalog.audienceCustomer')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('catalog.competitors')}</span>
          <input value={competitors} onChange={(event) => setCompetitors(event.target.value)} data-testid="catalog-field-competitors" />
        </label>
        <label className="field">
          <span>{t('catalog.products')}</span>
          <input value={products} onChange={(event) => setProducts(event.target.value)} data-testid="catalog-field-products" />
        </label>
        <fieldset className="plain-fieldset field-wide" data-testid="catalog-field-buyer-stages">
          <legend>{t('catalog.buyerStages')}</legend>
          <div className="row">
            {BuyerStageSchema.options.map((stage) => (
              <label key={stage} className="row check">
                <input
                  type="checkbox"
                  checked={buyerStages.includes(stage)}
                  onChange={(event) => setBuyerStages((current) => (event.target.checked ? [...current, stage] : current.filter((other) => other !== stage)))}
                />
                {t(`buyerStage.${stage}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field field-wide">
          <span>{t('catalog.summary')}</span>
          <textarea rows={3} translate="no" value={summary} onChange={(event) => setSummary(event.target.value)} data-testid="catalog-field-summary" />
        </label>
      </div>
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={saving.state === 'saving'}>
          {saving.state === 'saving' ? t('saving') : t('catalog.saveChanges')}
        </button>
        <span role="status" data-testid="catalog-edit-result" className={saving.state === 'failed' || saving.state === 'unchanged' ? 'text-danger' : 'text-good'}>
          {saving.state === 'saved' && t('catalog.saved')}
          {saving.state === 'unchanged' && t('common:notSaved', { error: t('catalog.nothingChanged') })}
          {saving.state === 'failed' && (
            <>
              {t('common:notSaved', { error: '' })}
              <span>{saving.message}</span>
            </>
          )}
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
        <option key={other.item.id} value={other.item.id} translate="no">
          {other.item.title}
        </option>
      ))}
    </select>
  );
}
