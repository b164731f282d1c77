import { expect, test } from './fixtures';
import { InsightsPage } from '../support/pages';
import { openSecondProfile, readLocal, repSession } from '../support/rep-session';
import { serveTeamServer } from '../support/team-server';

// Two demo leads with Salesforce ids (public/demo/leads.json), from different sources.
const PRIYA = { id: '00Q8d00000XyZ1aEAF', channel: 'Paid search', campaign: 'Q3 SOC 2 Readiness – Google Ads' };
const MARCUS = { id: '00Q8d00000XyZ2bEAF', channel: 'Webinar', campaign: 'HIPAA Access Controls Webinar – Oct' };

/** The cells of a table row by column header. */
async function row(insights: InsightsPage, testId: string, label: string): Promise<Record<string, string>> {
  const [cells, headers] = await Promise.all([insights.rowCells(testId, label), insights.headers(testId)]);
  return Object.fromEntries(headers.map((header, index) => [header, cells[index] ?? '']));
}

test('two reps on two leads: the team stats and either rep\'s Insights count both reps\' events and verdicts once', async ({
  extension,
  server,
  openSidePanel,
}) => {
  test.setTimeout(180_000);
  const team = await serveTeamServer(server);
  const rep2 = await openSecondProfile(server.port);
  try {
    // One rep after the other (two Chromiums at once would crowd the 2 cores), each with their own token.
    const ana = await repSession(extension, team, team.tokens.rep1, PRIYA, 'Demo booked', openSidePanel);
    const ben = await repSession(rep2.extension, team, team.tokens.rep2, MARCUS, 'Good fit', rep2.openSidePanel, 'Does Keyline cover HIPAA audit logs?');

    // The token stays in the extension's IndexedDB: never in storage a content script could read.
    const local = await ana.options.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(): Promise<unknown> } } } }).chrome.storage.local.get(),
    );
    expect(JSON.stringify(local)).not.toContain(team.tokens.rep1);

    // Marketing's view: the team stats with a marketer's token hold exactly what the two browsers recorded.
    const stats = await team.stats(team.tokens.marketer);
    const [anaLocal, benLocal] = await Promise.all([readLocal(ana.options), readLocal(ben.options)]);
    const expected = new Map<string, { suggested: number; opened: number; linkCopied: number }>();
    for (const event of [...anaLocal.events, ...benLocal.events]) {
      const counts = expected.get(event.contentId) ?? { suggested: 0, opened: 0, linkCopied: 0 };
      counts[event.type === 'link_copied' ? 'linkCopied' : event.type]++;
      expected.set(event.contentId, counts);
    }
    expect(anaLocal.events.filter((event) => event.type === 'opened')).toHaveLength(1);
    expect(benLocal.events.filter((event) => event.type === 'opened')).toHaveLength(1);
    const used = stats.content.filter((item) => item.suggested + item.opened + item.linkCopied > 0);
    expect(Object.fromEntries(used.map(({ contentId, suggested, opened, linkCopied }) => [contentId, { suggested, opened, linkCopied }]))).toEqual(
      Object.fromEntries(expected),
    );
    expect(stats.content.reduce((sum, item) => sum + item.useful, 0)).toBe(2);
    expect(stats.content.reduce((sum, item) => sum + item.notUseful, 0)).toBe(0);
    expect(stats.leadQuality).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'paid_search', campaign: PRIYA.campaign, leads: 1, verdicts: expect.objectContaining({ demo_booked: 1 }) }),
        expect.objectContaining({ channel: 'webinar', campaign: MARCUS.campaign, leads: 1, verdicts: expect.objectContaining({ good_fit: 1 }) }),
      ]),
    );
    expect(stats.leadQuality.reduce((sum, group) => sum + group.leads, 0)).toBe(2);
    expect(stats.team).toEqual({ name: 'Demo team', reps: 2 });
    expect(stats.requests).toEqual([expect.objectContaining({ kind: 'prospect_question', text: 'Does Keyline cover HIPAA audit logs?', lead: 'Marcus Oyelaran', rep: 'Ben Rep' })]);

    // Each rep's Insights shows the team's view, the other rep's verdict included.
    for (const [rep, otherLead, otherVerdict] of [
      [rep2.extension, PRIYA, 'Demo booked'],
      [extension, MARCUS, 'Good fit'],
    ] as const) {
      const insights = await InsightsPage.open(rep.context, rep.extensionId);
      await expect(insights.page.getByTestId('insights-scope')).toHaveText(`Team data: Demo team, 2 reps, from the Leadside server (${team.host}).`);
      await expect(insights.page.getByTestId('team-fallback')).toHaveCount(0);
      expect(await row(insights, 'quality-by-channel', otherLead.channel)).toMatchObject({ 'Leads rated': '1', [otherVerdict]: expect.stringMatching(/^1 /) });
      expect(await row(insights, 'quality-by-campaign', otherLead.campaign)).toMatchObject({ 'Leads rated': '1' });
      await expect(insights.page.getByTestId('kpi-leads-rated')).toHaveText('2');
      // Both reps opened the first suggestion of their lead: the same item twice, or two items once each.
      const openedTwice = ana.title === ben.title;
      for (const title of new Set([ana.title, ben.title])) {
        expect(await row(insights, 'content-usage', title)).toMatchObject({ Opened: openedTwice ? '2' : '1', Useful: openedTwice ? '2' : '1' });
      }
      expect(await insights.rowCells('field-requests', '')).toEqual(expect.arrayContaining(['Prospect question', 'Marcus Oyelaran', 'Ben Rep']));
      await insights.page.close();
    }
  } finally {
    await rep2.close();
    await team.close();
  }
});

test("Insights shows this browser's data with a banner when the team server is down, and the team's again when it is back", async ({
  extension,
  server,
  openSidePanel,
}) => {
  test.setTimeout(120_000);
  const team = await serveTeamServer(server);
  try {
    const { options } = await repSession(extension, team, team.tokens.rep1, PRIYA, 'Not ready', openSidePanel);
    // Another rep's verdict, straight through the API: only the team's view can show it.
    // Rep 2 gives Sofia Lindqvist (an event lead) a verdict, as their extension's outbox would.
    expect(
      await team.verdictAs(team.tokens.rep2, {
        lead: { recordId: '0038d00000Qw3rTAAR', name: 'Sofia Lindqvist' },
        source: { channel: 'event', campaign: 'Nordic Security Summit 2026' },
        verdict: 'good_fit',
      }),
    ).toBe('stored');

    const insights = await InsightsPage.open(extension.context, extension.extensionId);
    await expect(insights.page.getByTestId('insights-scope')).toContainText('Team data: Demo team, 2 reps');
    expect(await row(insights, 'quality-by-channel', 'Event')).toMatchObject({ 'Leads rated': '1' });

    for (const [outage, reason] of [
      // Worded by the failure's code; the server's own words quoted after it.
      ['unavailable', `The Leadside server (${team.host}) answered 503: the service has a problem on its side. “The Leadside server is down for maintenance”`],
      ['connection-closed', `Could not reach The Leadside server (${team.host}) at ${team.host}.`],
    ] as const) {
      team.setOutage(outage);
      await insights.page.reload();
      // The server's own reason, straight after the lead-in: the worker answered, it did not fail.
      await expect(insights.page.getByTestId('team-fallback')).toHaveText(
        new RegExp(`^The team's numbers could not be loaded: ${escapeRegExp(reason)}.*The numbers below are this browser's only\\.$`),
      );
      await expect(insights.page.getByTestId('insights-scope')).toHaveText("From this browser's data only.");
      // This browser's own verdict is there; the other rep's (Event) is not.
      expect(await row(insights, 'quality-by-channel', PRIYA.channel)).toMatchObject({ 'Leads rated': '1', 'Not ready': expect.stringMatching(/^1 /) });
      await expect(insights.page.getByTestId('quality-by-channel').locator('tbody tr')).toHaveCount(1);
    }

    team.setOutage(undefined);
    await insights.page.reload();
    await expect(insights.page.getByTestId('insights-scope')).toContainText('Team data: Demo team');
    await expect(insights.page.getByTestId('team-fallback')).toHaveCount(0);
    await expect(insights.page.getByTestId('quality-by-channel').locator('tbody tr')).toHaveCount(2);
    await options.close();
  } finally {
    await team.close();
  }
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
