import { beforeEach, describe, expect, it } from 'vitest';
import { storeFeedback } from '@/lib/delivery/feedback';
import { VerdictSchema, type Verdict } from '@/lib/schema';
import type { TeamStats } from '@/lib/schema/rest-api';
import { db } from './db';
import { loadInsightsView } from './insights-view';

const verdicts = (counts: Partial<Record<Verdict, number>>) =>
  Object.fromEntries(VerdictSchema.options.map((verdict) => [verdict, counts[verdict] ?? 0])) as Record<Verdict, number>;

const teamStats: TeamStats = {
  content: [{ contentId: 'guide-1', suggested: 6, opened: 4, linkCopied: 0, useful: 2, notUseful: 0 }],
  leadQuality: [{ channel: 'webinar', campaign: 'HIPAA webinar', leads: 7, verdicts: verdicts({ good_fit: 5, demo_booked: 2 }) }],
  team: { name: 'Acme sales', reps: 4 },
  requests: [],
};

describe('Insights: the team view, or this browser with the reason', () => {
  beforeEach(async () => {
    await db.delete();
    await db.open();
    await db.content.put({ id: 'guide-1', title: 'HIPAA guide', type: 'guide', url: 'https://x.example/g', summary: '', topics: [], industries: [], personas: [], stages: [] });
    // One verdict of this browser's own: the local view must show it, the team view the server's.
    await storeFeedback({
      id: crypto.randomUUID(),
      payload: { kind: 'verdict', verdict: 'not_a_fit', reasons: [] },
      lead: { key: 'salesforce:00Q1', crm: 'salesforce', recordId: '00Q1' },
      source: { channel: 'email' },
    });
  });

  it("shows the team's numbers, titled from the cached catalog, with whose they are", async () => {
    const asked: Array<string | undefined> = [];
    const view = await loadInsightsView({ since: '2026-11-01T00:00:00.000Z' }, async (since) => {
      asked.push(since);
      return { outcome: 'team', stats: teamStats, from: 'leadside', host: 'leadside.acme.example' };
    });
    expect(asked).toEqual(['2026-11-01T00:00:00.000Z']);
    expect(view).toMatchObject({ scope: 'team', team: { name: 'Acme sales', reps: 4 }, origin: { from: 'leadside', host: 'leadside.acme.example' } });
    expect(view.insights.usage[0]).toMatchObject({ title: 'HIPAA guide', opened: 4, useful: 2 });
    expect(view.insights.byChannel.map((row) => [row.label, row.leads])).toEqual([['Webinar', 7]]);
  });

  it("falls back to this browser's data with the server's reason when the team's numbers failed", async () => {
    const error = 'Could not reach The Leadside server (leadside.acme.example) at leadside.acme.example: Failed to fetch';
    const view = await loadInsightsView({}, async () => ({ outcome: 'failed', reason: error, from: 'leadside', host: 'leadside.acme.example' }));
    expect(view).toMatchObject({ scope: 'browser', teamFailure: { error, origin: { from: 'leadside', host: 'leadside.acme.example' } } });
    expect(view.insights.byChannel.map((row) => [row.label, row.leads, row.verdicts.not_a_fit])).toEqual([['Email', 1, 1]]);
  });

  it('falls back too when the worker itself does not answer', async () => {
    const view = await loadInsightsView({}, async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(view).toMatchObject({ scope: 'browser', teamFailure: { error: expect.stringContaining('Receiving end does not exist') } });
    expect(view.insights.totals.feedback).toBe(1);
  });

  it('shows this browser quietly when the source keeps no team numbers', async () => {
    const view = await loadInsightsView({}, async () => ({ outcome: 'none' }));
    expect(view.scope).toBe('browser');
    expect(view).not.toHaveProperty('teamFailure');
    expect(view.insights.totals.feedback).toBe(1);
  });
});
