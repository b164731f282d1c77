import { expect, test } from './fixtures';
import { salesforceRecordUrl, SidePanel } from '../support/pages';

const LEADS = {
  '00Q8d00000XyZ1aEAF': { name: 'Priya Raman', campaign: 'Q3 SOC 2 Readiness – Google Ads' },
  '00Q8d00000XyZ2bEAF': { name: 'Marcus Oyelaran', campaign: 'HIPAA Access Controls Webinar – Oct' },
  '00Q8d00000XyZ4dEAF': { name: 'Amara Okafor', campaign: 'Partner: Auditwise referrals' },
} as const;
type LeadId = keyof typeof LEADS;
const path = (id: string) => `/lightning/r/Lead/${id}/view`;

function mismatches(states: string[]): string[] {
  return states.filter((state) => {
    const [id, campaign] = state.split('|');
    if (!campaign) return false;
    const lead = Object.keys(LEADS).find((key) => id!.includes(key)) as LeadId | undefined;
    return !lead || LEADS[lead].campaign !== campaign;
  });
}

test('rapid A→B→C switching ends on C’s brief and never shows one lead’s brief under another', async ({ extension, openSidePanel }) => {
  const crm = await extension.context.newPage();
  await crm.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.section('brief-source')).toContainText(LEADS['00Q8d00000XyZ1aEAF'].campaign);
  // Logs "record id|campaign" for every render of the panel, to catch a brief shown under the wrong record.
  const states = await panel.recordStates(['detected-record-id', 'source-campaign']);

  // Three in-app navigations in one go, without waiting for any page to render.
  await crm.evaluate(
    ([b, c]) => {
      void window.__fixtureNavigate(b!);
      void window.__fixtureNavigate(c!);
    },
    [path('00Q8d00000XyZ2bEAF'), path('00Q8d00000XyZ4dEAF')],
  );
  await expect(panel.detectedName).toHaveText('Amara Okafor');
  await expect(panel.section('brief-source')).toContainText(LEADS['00Q8d00000XyZ4dEAF'].campaign);
  // Settle: nothing later may replace C's brief with a late answer for A or B.
  await crm.waitForTimeout(1200);
  await expect(panel.detectedName).toHaveText('Amara Okafor');
  expect(mismatches(await states())).toEqual([]);
});

test('two tabs on different leads each keep their own record', async ({ extension, openSidePanel }) => {
  const first = await extension.context.newPage();
  await first.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ1aEAF'));
  const second = await extension.context.newPage();
  await second.goto(salesforceRecordUrl('Lead', '00Q8d00000XyZ2bEAF'));
  const firstPanel = new SidePanel(await openSidePanel(first));
  const secondPanel = new SidePanel(await openSidePanel(second));
  await expect(firstPanel.detectedName).toHaveText('Priya Raman');
  await expect(secondPanel.detectedName).toHaveText('Marcus Oyelaran');

  await second.evaluate((target) => window.__fixtureNavigate(target), path('00Q8d00000XyZ4dEAF'));
  await expect(secondPanel.detectedName).toHaveText('Amara Okafor');
  await expect(firstPanel.detectedName).toHaveText('Priya Raman');
  await expect(firstPanel.section('brief-source')).toContainText(LEADS['00Q8d00000XyZ1aEAF'].campaign);
});

test('a rep corrects a wrong match by searching marketing data, and the choice is remembered for that record', async ({
  extension,
  openSidePanel,
  restartBrowser,
}) => {
  const jordan = salesforceRecordUrl('Lead', '00Q8d00000NoMaTCH9');
  const crm = await extension.context.newPage();
  await crm.goto(jordan);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('state-not-found')).toBeVisible();

  await panel.page.getByRole('button', { name: 'Find them in marketing data' }).click();
  await panel.page.getByLabel('Search marketing data by name, e-mail or company').fill('sorano');
  await panel.page.getByRole('button', { name: /Kenji Watanabe/ }).click();
  await expect(panel.section('brief-source')).toContainText('Organic search');
  await expect(panel.page.getByText('Matched by you')).toBeVisible();
  // Who the CRM page shows is still said plainly, so the rep sees what was corrected.
  await expect(panel.detectedName).toHaveText('Jordan Blake');

  const restarted = await restartBrowser();
  const again = await restarted.context.newPage();
  await again.goto(jordan);
  const reopened = new SidePanel(await openSidePanel(again));
  await expect(reopened.page.getByText('Matched by you')).toBeVisible();
  await expect(reopened.section('brief-source')).toContainText('Organic search');

  await reopened.page.getByRole('button', { name: 'Use automatic match' }).click();
  await expect(reopened.page.getByTestId('state-not-found')).toBeVisible();
});
