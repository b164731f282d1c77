import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { DemoContentFileSchema, DemoLeadsFileSchema } from '../../lib/connectors/demo';
import { salesforceRecordUrl, SidePanel } from '../support/pages';
import { connectLeadsideServer, serveTeamServer } from '../support/team-server';

const demo = (file: string) => JSON.parse(readFileSync(new URL(`../../public/demo/${file}`, import.meta.url), 'utf8')) as unknown;
const leads = DemoLeadsFileSchema.parse(demo('leads.json')).leads;
const catalog = DemoContentFileSchema.parse(demo('content.json')).items;

test("other reps' ratings for leads of the same industry reach this rep's brief through the team server, and each reason says so", async ({
  extension,
  server,
  openSidePanel,
}) => {
  test.setTimeout(120_000);
  const team = await serveTeamServer(server);
  try {
    const priya = leads.find((lead) => lead.crmIds.salesforce === '00Q8d00000XyZ1aEAF')!;
    // Three other reps' leads in her industry found every item useful: whatever her brief suggests, the field backs it.
    const others = leads.filter((lead) => lead.industry === priya.industry && lead.id !== priya.id && lead.email).slice(0, 3);
    expect(others).toHaveLength(3);
    const ratings = others.flatMap((lead) =>
      catalog.map((content) => {
        const id = randomUUID();
        const item = {
          id,
          createdAt: new Date().toISOString(),
          lead: { key: `salesforce:rec-${lead.id}`, crm: 'salesforce', recordId: `rec-${lead.id}`, email: lead.email, name: lead.name },
          source: {},
          kind: 'content_rating',
          contentId: content.id,
          useful: true,
        };
        return { kind: 'feedback', id, item };
      }),
    );
    for (let start = 0; start < ratings.length; start += 100) {
      const batch = ratings.slice(start, start + 100);
      const delivered = await team.api(team.tokens.rep2, '/v1/deliveries', { method: 'POST', body: { items: batch } });
      expect(await delivered.json()).toEqual({ results: batch.map(({ id }) => ({ id, status: 'stored' })) });
    }

    const options = await connectLeadsideServer(extension.context, extension.extensionId, { url: team.url, token: team.tokens.rep1 });
    const crm = await extension.context.newPage();
    await crm.goto(salesforceRecordUrl('Lead', priya.crmIds.salesforce!));
    const panel = new SidePanel(await openSidePanel(crm));
    await expect(panel.suggestions).toHaveCount(3);
    // The signals come behind the catalog download and are kept beside it; no brief waited for them.
    await expect
      .poll(
        () =>
          options.evaluate(
            () =>
              new Promise<number>((resolve, reject) => {
                const open = indexedDB.open('leadside');
                open.onerror = () => reject(open.error);
                open.onsuccess = () => {
                  const read = open.result.transaction('catalogMeta').objectStore('catalogMeta').get('field-signals');
                  read.onsuccess = () => {
                    open.result.close();
                    resolve((read.result as { signals?: unknown[] } | undefined)?.signals?.length ?? -1);
                  };
                };
              }),
          ),
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);
    // A panel opened now builds the cached brief with them.
    await panel.page.reload();
    await expect(panel.suggestions).toHaveCount(3);
    for (const card of await panel.suggestions.all()) await expect(card).toContainText(`rated useful for 3 leads in ${priya.industry}`);
  } finally {
    await team.close();
  }
});
