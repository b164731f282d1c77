// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DigestSchema, type Digest, type FieldRequest } from '@/lib/schema/dashboard';
import { digestSlackMessage, SLACK_LIST_LIMIT } from './slack-message';

const request = (n: number, extra: Partial<FieldRequest> = {}): FieldRequest => ({
  id: `req-${n}`,
  kind: 'content_request',
  text: `Request ${n}`,
  createdAt: '2026-11-24T10:00:00.000Z',
  lead: `Lead ${n}`,
  rep: 'Rep One',
  status: 'new',
  contentId: null,
  contentTitle: null,
  statusChangedAt: null,
  ...extra,
});

const digest = (extra: Partial<Digest> = {}): Digest =>
  DigestSchema.parse({
    week: { from: '2026-11-23', to: '2026-11-29' },
    team: 'Acme & Co <marketing>',
    demosBySource: [
      { channel: 'paid_search', demosBooked: 3, previous: 1 },
      { channel: null, demosBooked: 0, previous: 2 },
    ],
    bestContent: [{ contentId: 'c1', title: 'SOC 2 <guide> & checklist', opened: 4, linkCopied: 1, useful: 2, openedForDemoLeads: 1 }],
    neverUsed: [{ contentId: 'c9', title: 'Old deck' }],
    newRequests: [request(1, { text: 'Ping <!channel> & see <https://evil.example|this>', lead: 'Bobby <script>' })],
    pastSla: [
      {
        profileId: 'p1',
        lead: 'Dana > Evans',
        channel: 'webinar',
        campaign: 'Q4 <launch>',
        qualifiedAt: '2026-11-24T08:00:00.000Z',
        firstLookAt: null,
        firstVerdictAt: null,
        missed: 'look',
      },
    ],
    ...extra,
  });

const allText = (message: ReturnType<typeof digestSlackMessage>) => [message.text, ...message.blocks.map((block) => ('text' in block ? block.text.text : ''))].join('\n');

describe('the digest as a Slack message', () => {
  it('escapes &, < and > in everything that comes from the data, so no mention or link can be smuggled in', () => {
    const text = allText(digestSlackMessage(digest()));
    expect(text).toContain('Acme &amp; Co &lt;marketing&gt;');
    expect(text).toContain('Ping &lt;!channel&gt; &amp; see &lt;https://evil.example|this&gt;');
    expect(text).toContain('Bobby &lt;script&gt;');
    expect(text).toContain('SOC 2 &lt;guide&gt; &amp; checklist');
    expect(text).toContain('Dana &gt; Evans (Webinar · Q4 &lt;launch&gt;)');
    // No raw angle bracket survives anywhere: Slack would read it as markup.
    expect(text).not.toMatch(/[<>]/);
  });

  it('says the numbers: demos by source against the week before, best and never-used content, requests, leads past the SLA', () => {
    const message = digestSlackMessage(digest());
    const text = allText(message);
    expect(message.text).toContain('3 demos booked (the week before: 3)');
    expect(text).toContain('• Paid search: *3* (before: 1)');
    expect(text).toContain('• No source: *0* (before: 2)');
    expect(text).toContain('4 opens, 1 link copied, 2 rated useful, opened for 1 lead who booked a demo');
    expect(text).toContain('• Old deck');
    expect(text).toContain('_Content request_ from Rep One for Bobby');
    expect(text).toContain('nobody has opened the record');
    expect(text).toContain('23 Nov – 29 Nov 2026');
  });

  it('says so when a list is empty', () => {
    const text = allText(digestSlackMessage(digest({ demosBySource: [], bestContent: [], neverUsed: [], newRequests: [], pastSla: [] })));
    expect(text).toContain('No demos booked in either week.');
    expect(text).toContain('No content was opened this week.');
    expect(text).toContain('Every catalog item was opened or shared.');
    expect(text).toContain('No content requests or prospect questions.');
    expect(text).toContain('None: every qualified lead was looked at and rated in time.');
  });

  it('cuts long lists and long texts, and keeps every section under Slack\'s 3,000 characters', () => {
    const requests = Array.from({ length: 40 }, (_, n) => request(n, { text: 'x'.repeat(5_000) }));
    const message = digestSlackMessage(digest({ newRequests: requests }));
    const section = message.blocks.map((block) => ('text' in block ? block.text.text : '')).find((text) => text.startsWith('*New from the field* (40)'))!;
    expect(section.split('\n').filter((line) => line.startsWith('• '))).toHaveLength(SLACK_LIST_LIMIT);
    expect(section).toContain(`…and ${40 - SLACK_LIST_LIMIT} more on the digest page.`);
    for (const block of message.blocks) if ('text' in block) expect(block.text.text.length).toBeLessThanOrEqual(3000);
  });
});
