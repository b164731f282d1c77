import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/components/insights/DataTable';
import { CatalogSchema, FIELD_REQUESTS_PAGE, FieldRequestsSchema, RequestStatusSchema, type CatalogEntry, type FieldRequest, type RequestStatus } from '@/lib/schema/dashboard';
import { call } from '../api/client';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { useApi, type Loaded } from '../hooks/use-api';
import { useLabels } from '../hooks/use-labels';

export function RequestsPage() {
  const { t } = useTranslation('dashboard');
  const format = useLabels();
  const [limit, setLimit] = useState(FIELD_REQUESTS_PAGE);
  const requests = useApi(`/requests?limit=${limit}`, FieldRequestsSchema, t('what.requests'));
  const catalog = useApi('/catalog', CatalogSchema, t('what.catalog'));
  return (
    <div className="stack">
      <PageHeader title={t('nav.requests')} testId="page-requests" />
      <p className="muted">{t('requests.intro')}</p>
      <Load loaded={requests} what={t('what.requests')}>
        {(data) => (
          <DataTable
            title={t('requests.tableTitle')}
            testId="requests-table"
            csvName="leadside-field-requests"
            rows={[...data.requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
            rowKey={(request) => request.id}
            empty={t('requests.empty')}
            description={data.more ? t('requests.newestSome', { count: data.requests.length }) : t('requests.newestFirst')}
            columns={[
              { header: t('column.when'), value: (request) => format.dateTime(request.createdAt), formatted: true },
              { header: t('requests.kind'), value: (request) => t(`requests.kind_${request.kind}`) },
              { header: t('column.text'), value: (request) => request.text, data: true },
              { header: t('column.lead'), value: (request) => request.lead, data: true },
              { header: t('column.rep'), value: (request) => request.rep, data: true },
              {
                header: t('column.status'),
                value: (request) => t(`requests.status_${request.status}`) + (request.contentTitle ? `: ${request.contentTitle}` : ''),
                render: (request) => <StatusControl request={request} catalog={catalog} onSaved={requests.reload} />,
              },
            ]}
          />
        )}
      </Load>
      {requests.state === 'ready' && requests.data.more && limit < 2_000 && (
        <button type="button" className="btn" onClick={() => setLimit((shown) => Math.min(shown * 5, 2_000))}>
          {t('requests.older')}
        </button>
      )}
    </div>
  );
}

type Saving = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

/**
 * New → planned → published. Publishing asks which catalog item answers the request, because that
 * is what the rep sees; the other changes save at once.
 */
function StatusControl({ request, catalog, onSaved }: { request: FieldRequest; catalog: Loaded<{ items: CatalogEntry[] }> & { reload(): void }; onSaved(): void }) {
  const [status, setStatus] = useState<RequestStatus>(request.status);
  const [contentId, setContentId] = useState(request.contentId ?? '');
  const [saving, setSaving] = useState<Saving>({ state: 'idle' });
  const { t } = useTranslation(['dashboard', 'common']);
  const label = t('requests.statusOf', { text: request.text.length > 60 ? `${request.text.slice(0, 57)}…` : request.text });

  const save = async (next: RequestStatus, answer: string | null) => {
    setSaving({ state: 'saving' });
    try {
      await call('PATCH', `/requests/${encodeURIComponent(request.id)}`, null, { body: { status: next, contentId: answer }, what: t('requests.savingStatus') });
      setSaving({ state: 'saved' });
      onSaved();
    } catch (error) {
      setSaving({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const choose = (next: RequestStatus) => {
    setStatus(next);
    if (next !== 'published') void save(next, null);
    else setSaving({ state: 'idle' });
  };

  const items = catalog.state === 'ready' ? catalog.data.items.filter((entry) => !entry.retired) : [];
  return (
    <div className="stack tight">
      <select aria-label={label} value={status} onChange={(event) => choose(event.target.value as RequestStatus)} disabled={saving.state === 'saving'} data-testid={`request-status-${request.id}`}>
        {RequestStatusSchema.options.map((option) => (
          <option key={option} value={option}>
            {t(`requests.status_${option}`)}
          </option>
        ))}
      </select>
      {status === 'published' && request.status === 'published' && request.contentTitle && <span className="small">{t('requests.answeredBy', { title: request.contentTitle })}</span>}
      {status === 'published' && (request.status !== 'published' || !request.contentId) && (
        <div className="stack tight" data-testid="request-publish">
          {catalog.state === 'loading' && <span className="small muted">{t('load.loading', { what: t('what.catalog') })}</span>}
          {catalog.state === 'error' && (
            <span className="small text-danger" role="alert">
              {t('load.failed', { what: t('what.catalog') })} <span>{catalog.message}</span>{' '}
              <button type="button" className="btn btn-quiet" onClick={catalog.reload}>
                {t('load.retry')}
              </button>
            </span>
          )}
          {catalog.state === 'ready' && (
            <>
              <select aria-label={t('requests.answerOf', { text: request.text.slice(0, 40) })} value={contentId} onChange={(event) => setContentId(event.target.value)} data-testid="request-answer">
                <option value="">{t('requests.whichItem')}</option>
                {items.map((entry) => (
                  <option key={entry.item.id} value={entry.item.id} translate="no">
                    {entry.item.title}
                  </option>
                ))}
              </select>
              <div className="row">
                <button type="button" className="btn btn-primary" disabled={!contentId || saving.state === 'saving'} onClick={() => void save('published', contentId)}>
                  {t('requests.publish')}
                </button>
                <button type="button" className="btn btn-quiet" onClick={() => setStatus(request.status)}>
                  {t('common:cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      <span role="status" className="small" data-testid="request-result">
        {saving.state === 'saving' && t('saving')}
        {saving.state === 'saved' && t('common:saved')}
        {saving.state === 'failed' && (
          <span className="text-danger">
            {t('common:notSaved', { error: '' })}
            <span>{saving.message}</span>
          </span>
        )}
      </span>
    </div>
  );
}
