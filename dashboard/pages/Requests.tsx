import { useState } from 'react';
import { DataTable } from '@/components/insights/DataTable';
import { formatDateTime } from '@/lib/format/time';
import { CatalogSchema, FIELD_REQUESTS_PAGE, FieldRequestsSchema, REQUEST_STATUS_LABELS, RequestStatusSchema, type CatalogEntry, type FieldRequest, type RequestStatus } from '@/lib/schema/dashboard';
import { call } from '../api/client';
import { Load } from '../components/Load';
import { PageHeader } from '../components/PageHeader';
import { useApi, type Loaded } from '../hooks/use-api';

const KIND_LABELS: Record<FieldRequest['kind'], string> = { content_request: 'Content request', prospect_question: 'Prospect question' };

export function RequestsPage() {
  const [limit, setLimit] = useState(FIELD_REQUESTS_PAGE);
  const requests = useApi(`/requests?limit=${limit}`, FieldRequestsSchema, 'the field requests');
  const catalog = useApi('/catalog', CatalogSchema, 'the catalog');
  return (
    <div className="stack">
      <PageHeader title="From the field" testId="page-requests" />
      <p className="muted">What reps asked for and what prospects asked them. Set the status as you plan and publish an answer: reps see it in their side panel.</p>
      <Load loaded={requests} what="the field requests">
        {(data) => (
          <DataTable
            title="Requests and questions"
            testId="requests-table"
            csvName="leadside-field-requests"
            rows={[...data.requests].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
            rowKey={(request) => request.id}
            empty="No rep has sent a content request or a prospect question yet."
            description={data.more ? `The newest ${data.requests.length}, newest first; older ones are a click below.` : 'Newest first.'}
            columns={[
              { header: 'When', value: (request) => formatDateTime(request.createdAt) },
              { header: 'Kind', value: (request) => KIND_LABELS[request.kind] },
              { header: 'Text', value: (request) => request.text },
              { header: 'Lead', value: (request) => request.lead },
              { header: 'Rep', value: (request) => request.rep },
              {
                header: 'Status',
                value: (request) => REQUEST_STATUS_LABELS[request.status] + (request.contentTitle ? `: ${request.contentTitle}` : ''),
                render: (request) => <StatusControl request={request} catalog={catalog} onSaved={requests.reload} />,
              },
            ]}
          />
        )}
      </Load>
      {requests.state === 'ready' && requests.data.more && limit < 2_000 && (
        <button type="button" className="btn" onClick={() => setLimit((shown) => Math.min(shown * 5, 2_000))}>
          Show older requests
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
  const label = `Status of "${request.text.length > 60 ? `${request.text.slice(0, 57)}…` : request.text}"`;

  const save = async (next: RequestStatus, answer: string | null) => {
    setSaving({ state: 'saving' });
    try {
      await call('PATCH', `/requests/${encodeURIComponent(request.id)}`, null, { body: { status: next, contentId: answer }, what: 'Saving the status' });
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
            {REQUEST_STATUS_LABELS[option]}
          </option>
        ))}
      </select>
      {status === 'published' && request.status === 'published' && request.contentTitle && <span className="small">Answered by {request.contentTitle}</span>}
      {status === 'published' && (request.status !== 'published' || !request.contentId) && (
        <div className="stack tight" data-testid="request-publish">
          {catalog.state === 'loading' && <span className="small muted">Loading the catalog…</span>}
          {catalog.state === 'error' && (
            <span className="small text-danger" role="alert">
              The catalog could not be loaded: {catalog.message}{' '}
              <button type="button" className="btn btn-quiet" onClick={catalog.reload}>
                Retry
              </button>
            </span>
          )}
          {catalog.state === 'ready' && (
            <>
              <select aria-label={`Catalog item that answers "${request.text.slice(0, 40)}"`} value={contentId} onChange={(event) => setContentId(event.target.value)} data-testid="request-answer">
                <option value="">Which catalog item answers it?</option>
                {items.map((entry) => (
                  <option key={entry.item.id} value={entry.item.id}>
                    {entry.item.title}
                  </option>
                ))}
              </select>
              <div className="row">
                <button type="button" className="btn btn-primary" disabled={!contentId || saving.state === 'saving'} onClick={() => void save('published', contentId)}>
                  Publish
                </button>
                <button type="button" className="btn btn-quiet" onClick={() => setStatus(request.status)}>
                  Cancel
                </button>
              </div>
            </>
          )}
        </div>
      )}
      <span role="status" className="small" data-testid="request-result">
        {saving.state === 'saving' && 'Saving…'}
        {saving.state === 'saved' && '✓ Saved'}
        {saving.state === 'failed' && <span className="text-danger">Not saved: {saving.message}</span>}
      </span>
    </div>
  );
}
