import { describe, expect, it } from 'vitest';
import { leadQuality } from '@/lib/insights/aggregate';
import { CHANNEL_LABELS, VerdictSchema, type ContentItem, type FeedbackItem, type Verdict } from '@/lib/schema';
import type { TeamStats } from '@/lib/schema/rest-api';
import { qualityRows, teamInsights } from './team-insights';

const item = (id: string, title: string): ContentItem => ({
  id,
  title,
  type: 'guide',
  url: `https://www.keyline.example/${id}`,
  summary: '',
  topics: [],
  industries: [],
  personas: [],
  stages: [],
});
const verdicts = (counts: Partial<Record<Verdict, number>>) =>
  Object.fromEntries(VerdictSchema.options.map((verdict) => [verdict, counts[verdict] ?? 0])) as Record<Verdict, number>;

const catalog = [item('a', 'Alpha guide'), item('b', 'Beta guide'), item('c', 'Gamma guide')];
const stats: TeamStats = {
  content: [
    { contentId: 'a', suggested: 5, opened: 3, linkCopied: 1, useful: 2, notUseful: 1 },
    { contentId: 'gone', suggested: 1, opened: 1, linkCopied: 0, useful: 0, notUseful: 0 },
    { contentId: 'b', suggested: 2, opened: 0, linkCopied: 0, useful: 0, notUseful: 0 },
  ],
  leadQuality: [
    { channel: 'webinar', campaign: 'HIPAA webinar', leads: 2, verdicts: verdicts({ good_fit: 1, demo_booked: 1 }) },
    { channel: 'webinar', campaign: 'SOC 2 webinar', leads: 1, verdicts: verdicts({ not_ready: 1 }) },
    { channel: 'paid_search', campaign: 'SOC 2 webinar', leads: 1, verdicts: verdicts({ demo_booked: 1 }) },
    { leads: 1, verdicts: verdicts({ bad_data: 1 }) },
  ],
  team: { name: 'Acme sales', reps: 2 },
  requests: [{ id: 'r1', kind: 'content_request', text: 'A HIPAA one-pager', createdAt: '2026-11-20T10:00:00.000Z', lead: 'Priya Raman', rep: 'Ana Rep' }],
};

describe('team stats as Insights', () => {
  it('titles content from the catalog, keeps unknown ids, and lists catalog items with no team use as never used', () => {
    const insights = teamInsights(stats, catalog);
    expect(insights.usage.map((row) => [row.title, row.suggested, row.opened, row.linkCopied, row.useful, row.notUseful])).toEqual([
      ['Alpha guide', 5, 3, 1, 2, 1],
      ['gone', 1, 1, 0, 0, 0],
      ['Beta guide', 2, 0, 0, 0, 0],
      ['Gamma guide', 0, 0, 0, 0, 0],
    ]);
    // Suggested but never opened, copied or rated counts as unused, as it does for one browser.
    expect(insights.neverUsed.map((row) => row.contentId)).toEqual(['b', 'c']);
    expect(insights.totals).toEqual({ catalog: 3, events: 13, feedback: 5 + 3 + 1 });
    expect(insights.requests).toEqual(stats.requests);
  });

  it('adds the (channel, campaign) rows up per source and per campaign', () => {
    const insights = teamInsights(stats, catalog);
    expect(insights.byChannel).toEqual([
      { key: 'webinar', label: 'Webinar', leads: 3, verdicts: verdicts({ good_fit: 1, demo_booked: 1, not_ready: 1 }) },
      { key: 'paid_search', label: 'Paid search', leads: 1, verdicts: verdicts({ demo_booked: 1 }) },
      { key: '(unknown)', label: 'Unknown', leads: 1, verdicts: verdicts({ bad_data: 1 }) },
    ]);
    expect(insights.byCampaign).toEqual([
      { key: 'HIPAA webinar', label: 'HIPAA webinar', leads: 2, verdicts: verdicts({ good_fit: 1, demo_booked: 1 }) },
      { key: 'SOC 2 webinar', label: 'SOC 2 webinar', leads: 2, verdicts: verdicts({ not_ready: 1, demo_booked: 1 }) },
      { key: '(unknown)', label: 'Unknown', leads: 1, verdicts: verdicts({ bad_data: 1 }) },
    ]);
  });

  it('gives the same lead-quality rows as counting the verdicts themselves, for any mix of leads', () => {
    // Leads with every combination of known and unknown channel and campaign, each with a verdict:
    // the server's (channel, campaign) rows summed per group must equal counting the leads directly.
    const channels = [undefined, 'webinar', 'email', 'paid_search'] as const;
    const campaigns = [undefined, 'Q3 SOC 2', 'HIPAA', 'Partner days'];
    const feedback: FeedbackItem[] = [];
    for (let index = 0; index < 97; index++) {
      const channel = channels[(index * 7) % channels.length];
      const campaign = campaigns[(index * 5 + (index >> 2)) % campaigns.length];
      feedback.push({
        id: `f${index}`,
        createdAt: new Date(Date.UTC(2026, 10, 1) + index * 60_000).toISOString(),
        lead: { key: `salesforce:L${index}`, crm: 'salesforce', recordId: `L${index}` },
        source: { ...(channel ? { channel } : {}), ...(campaign ? { campaign } : {}) },
        kind: 'verdict',
        verdict: VerdictSchema.options[(index * 3) % VerdictSchema.options.length]!,
        reasons: [],
      });
    }
    const rows = new Map<string, TeamStats['leadQuality'][number]>();
    for (const entry of feedback) {
      if (entry.kind !== 'verdict') continue;
      const id = `${entry.source.channel}|${entry.source.campaign}`;
      const row = rows.get(id) ?? { channel: entry.source.channel, campaign: entry.source.campaign, leads: 0, verdicts: verdicts({}) };
      row.leads++;
      row.verdicts[entry.verdict]++;
      rows.set(id, row);
    }
    expect(qualityRows([...rows.values()], 'channel')).toEqual(leadQuality(feedback, 'channel'));
    expect(qualityRows([...rows.values()], 'campaign')).toEqual(leadQuality(feedback, 'campaign'));
    expect(qualityRows([...rows.values()], 'channel').find((row) => row.key === 'email')?.label).toBe(CHANNEL_LABELS.email);
  });
});
