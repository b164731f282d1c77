import { createElement } from 'react';
import { renderPanel } from '@/test/support/render-panel';
import { describe, expect, it } from 'vitest';
import type { FeedbackView } from '@/lib/messaging/messages';
import { FeedbackLog } from './FeedbackLog';
import { storedRequestIds, type RequestStatusView } from './use-request-statuses';

const item = (id: string, payload: FeedbackView['payload'], state: FeedbackView['state']): FeedbackView => ({
  id,
  createdAt: '2026-12-03T09:00:00.000Z',
  payload,
  state,
  attempts: state === 'queued' ? 0 : 1,
});

const feedback = [
  item('request-published', { kind: 'content_request', text: 'A SOC 2 checklist' }, 'sent'),
  item('question-planned', { kind: 'prospect_question', text: 'Do you cover HIPAA audit logs?' }, 'sent'),
  item('request-new', { kind: 'content_request', text: 'A fintech case study' }, 'sent'),
  item('request-queued', { kind: 'content_request', text: 'Not sent yet' }, 'queued'),
  item('verdict', { kind: 'verdict', verdict: 'good_fit', reasons: [] }, 'sent'),
];

const statuses = new Map<string, RequestStatusView>([
  [
    'request-published',
    { id: 'request-published', status: 'published', content: { id: 'cs-soc2', title: 'SOC 2 in 90 days <b>now</b>', url: 'https://acme.example/soc2' }, changedAt: '2026-12-03T10:00:00.000Z' },
  ],
  ['question-planned', { id: 'question-planned', status: 'planned', content: null, changedAt: '2026-12-03T10:00:00.000Z' }],
  ['request-new', { id: 'request-new', status: 'new', content: null, changedAt: null }],
  // A status for an item this browser has not seen stored is not shown on it.
  ['request-queued', { id: 'request-queued', status: 'planned', content: null, changedAt: null }],
]);

/** The log as the side panel renders it, parsed into a document to read like a rep would. */
function render(withStatuses?: ReadonlyMap<string, RequestStatusView>) {
  const host = document.createElement('div');
  host.innerHTML = renderPanel(createElement(FeedbackLog, { feedback, leadKey: 'salesforce:00Q1', statuses: withStatuses }));
  const row = (id: number) => host.querySelectorAll('[data-testid="feedback-item"]')[id]!;
  return { host, row, status: (id: number) => row(id).querySelector('[data-testid="request-status"]')?.textContent ?? null };
}

describe("the side panel's log shows marketing's answer to the rep's requests", () => {
  it('New, Planned, or Published with the answering item as a link, only on requests the source stored', () => {
    const { host, row, status } = render(statuses);
    expect(status(0)).toBe('Marketing: Published · SOC 2 in 90 days <b>now</b>');
    const link = row(0).querySelector('[data-testid="request-status"] a')!;
    expect(link.getAttribute('href')).toBe('https://acme.example/soc2');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // The title is text, never markup.
    expect(host.querySelector('b')).toBeNull();
    expect(status(1)).toBe('Marketing: Planned');
    expect(status(2)).toBe('Marketing: New');
    expect(status(3)).toBeNull();
    expect(status(4)).toBeNull();
  });

  it('shows the log as before when there are no statuses (none yet, a source without them, a failure)', () => {
    const { host } = render();
    expect(host.querySelectorAll('[data-testid="feedback-item"]')).toHaveLength(5);
    expect(host.querySelectorAll('[data-testid="request-status"]')).toHaveLength(0);
  });

  it('asks only about requests and questions the source stored', () => {
    expect(storedRequestIds(feedback)).toEqual(['request-published', 'question-planned', 'request-new']);
  });
});
