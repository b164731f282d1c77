import type http from 'node:http';
import { expect, test, type TestServer } from './fixtures';
import { SidePanel } from '../support/pages';
import { grantSiteAccessInBrowserSettings } from '../support/site-access';

/*
 * Issue 15 (Mautic) end to end: a Mautic at its own hostname answering, in the shapes Mautic's
 * documents give, with HTML-encoded strings, a download, an e-mail open, a form submission, a
 * do-not-contact entry and two UTM touches. The panel must show them as a rep should read them.
 */

const HOST = 'mautic.velotrail.example';
const USER = 'leadside-api';
const PASSWORD = 'pedal-Power-9';
const now = Date.now();
const ago = (hours: number) => new Date(now - hours * 3_600_000).toISOString().replace('.000Z', '+00:00').replace(/\.\d{3}Z$/, '+00:00');

const contact = {
  id: 311,
  dateAdded: ago(24 * 40),
  lastActive: ago(2),
  points: 42,
  stage: { id: 2, name: 'MQL' },
  fields: {
    core: {
      firstname: { alias: 'firstname', type: 'text', group: 'core', value: 'Priya' },
      lastname: { alias: 'lastname', type: 'text', group: 'core', value: 'Raman' },
      email: { alias: 'email', type: 'email', group: 'core', value: 'priya.raman@ledgerly.io' },
      company: { alias: 'company', type: 'text', group: 'core', value: 'Ledgerly &amp; Sons' },
      contact_pref: { alias: 'contact_pref', type: 'select', group: 'core', value: '2' },
    },
    social: [],
    personal: [],
    professional: [],
    all: { id: 311, firstname: 'Priya', lastname: 'Raman', email: 'priya.raman@ledgerly.io', company: 'Ledgerly &amp; Sons', contact_pref: '2' },
  },
  utmtags: [
    { id: 7, url: 'https://ledgerly.example/?utm_source=newsletter', referer: null, utmCampaign: 'spring-tune-up', utmMedium: 'email', utmSource: 'newsletter', utmTerm: null, utmContent: null },
    { id: 19, url: 'https://ledgerly.example/fleet', referer: 'https://www.google.com/', utmCampaign: 'fleet-q4', utmMedium: 'cpc', utmSource: 'google', utmTerm: 'fleet service software', utmContent: 'ad-2' },
  ],
  doNotContact: [
    { id: 5, dateAdded: ago(30), reason: 1, comments: 'Unsubscribed from &quot;Spring tune-up&quot;', channel: 'email', channelId: 12 },
    // Mautic's "sms" channel is its text messages: texting is refused, calling is not.
    { id: 6, dateAdded: ago(60), reason: 3, comments: 'Replied STOP to the reminder', channel: 'sms', channelId: null },
  ],
};

const activity = {
  events: [
    {
      event: 'email.read', eventId: 'email.read902', eventType: 'Email read', timestamp: ago(50),
      eventLabel: { label: 'Fleet newsletter #4', href: `https://${HOST}/email/view/abc`, isExternal: true },
      details: { stat: { id: '902', dateRead: ago(50), dateSent: ago(52), isRead: '1', storedSubject: 'Q&#39;s answered: fleet servicing &amp; you', emailName: 'Fleet newsletter #4', openDetails: [] }, type: 'read' },
    },
    {
      event: 'asset.download', eventId: 'asset.download55', eventType: 'Asset downloaded', timestamp: ago(72),
      eventLabel: { label: 'Pricing &#38; Plans', href: '/s/assets/view/4' },
      details: { asset: { id: 4, title: 'Pricing &#38; Plans', alias: 'pricing-plans' }, assetDownloadUrl: `https://${HOST}/asset/4:pricing-plans` },
    },
    {
      event: 'form.submitted', eventId: 'form.submitted77', eventType: 'Form submitted', timestamp: ago(72.1),
      eventLabel: { label: 'Talk to sales', href: '/s/forms/view/3' },
      details: {
        submission: { id: 77, form: { id: 3, name: 'Talk to sales' }, dateSubmitted: ago(72.1), referer: 'https://ledgerly.example/contact', results: { email: 'priya.raman@ledgerly.io', message: 'Our fleet&#39;s service bookings get lost between e-mail &amp; phone.' } },
        form: { id: 3, name: 'Talk to sales' },
      },
    },
    {
      event: 'page.hit', eventType: 'Page hit', timestamp: ago(72.3),
      eventLabel: { label: 'Pricing &#38; Plans', href: '/s/pages/view/2' },
      details: { hit: { dateHit: ago(72.3), dateLeft: ago(72.25), url: 'https://ledgerly.example/pricing', urlTitle: 'Pricing &#38; Plans &ndash; Ledgerly' } },
    },
    {
      event: 'lead.utmtagsadded', eventId: 'lead.utmtagsadded19', eventType: 'UTM tags recorded', timestamp: ago(72.4),
      eventLabel: 'UTM Campaign: fleet-q4',
      details: { utmtags: { id: '19', lead_id: '311', utm_campaign: 'fleet-q4', utm_term: 'fleet service software' } },
    },
  ],
  total: 5,
  page: 1,
  limit: 100,
  maxPages: 1,
};

const fields = {
  total: 1,
  fields: [{ id: 41, label: 'How should we reach you?', alias: 'contact_pref', type: 'select', properties: { list: [{ label: 'E-Mail', value: '1' }, { label: 'Telefon', value: '2' }] } }],
};

function serveMautic(server: TestServer) {
  const expected = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  server.route(HOST, async (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== expected) return send(401, { errors: [{ message: 'API authorization denied.', code: 401, type: null }] });
    const path = url.pathname;
    if (path === '/api/contacts') {
      const wanted = url.searchParams.get('where[0][val]') ?? '';
      return send(200, wanted.toLowerCase() === 'priya.raman@ledgerly.io' ? { total: '1', contacts: { 311: contact } } : { total: 0, contacts: [] });
    }
    if (path === '/api/contacts/311/activity') return send(200, activity);
    if (path === '/api/fields/contact') return send(200, fields);
    if (path === '/api/assets') return send(200, { total: 0, assets: [] });
    if (path === '/api/users/self') return send(200, { id: 2, username: USER, role: { name: 'Administrator', isAdmin: true } });
    return send(404, { errors: [{ message: 'Item was not found.', code: 404, type: null }] });
  });
}

test('Mautic: activities of their own kind, do-not-contact with date and reason, the latest touch with keyword, mapped channel by label', async ({
  extension,
  server,
  openSidePanel,
}) => {
  serveMautic(server);
  await grantSiteAccessInBrowserSettings(extension.context, extension.extensionId, HOST);
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('radio', { name: 'Mautic' }).check();
  await options.getByLabel('Mautic URL').fill(`https://${HOST}`);
  await options.getByLabel('Mautic user').fill(USER);
  await options.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await options.getByLabel('Field with their preferred channel').fill('contact_pref');
  await options.getByRole('button', { name: 'Use this source' }).click();
  await expect(options.getByTestId('source-status')).toHaveText('✓ Connected to Mautic');

  const crm = await extension.context.newPage();
  await crm.goto('https://app.hubspot.com/contacts/4815162/record/0-1/51001');
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Priya Raman');

  const activities = panel.page.getByTestId('brief-activities');
  await expect(activities.getByTestId('activity')).toHaveCount(3);
  await expect(activities).toContainText("Opened the e-mail 'Fleet newsletter #4' (sent with the subject 'Q's answered: fleet servicing & you'), 2 hr after it was sent");
  await expect(activities).toContainText('Downloaded Pricing & Plans');
  await expect(activities).toContainText("Submitted the form 'Talk to sales'");
  await expect(activities).toContainText('days ago');

  // The download is not a page: one page read, titled without entities.
  await expect(panel.section('brief-pages')).toContainText(/(^|\D)1 page(?!s)/);
  await expect(panel.section('brief-pages')).toContainText('Pricing & Plans – Ledgerly');
  await expect(panel.page.locator('body')).not.toContainText('&#');

  const dnc = panel.page.getByTestId('do-not-contact');
  await expect(dnc).toContainText('Do not email');
  await expect(dnc).toContainText('E-mail: unsubscribed on');
  await expect(dnc).toContainText('Unsubscribed from "Spring tune-up"');
  await expect(dnc).toContainText('Do not text');
  await expect(dnc).toContainText('SMS: set by marketing on');
  await expect(dnc).not.toContainText('Do not call');

  await expect(panel.page.getByTestId('source-latest')).toContainText('fleet-q4');
  await expect(panel.page.getByTestId('source-latest-term')).toHaveText('fleet service software');
  await expect(panel.section('brief-contact')).toContainText(/phone/i);

  await panel.page.setViewportSize({ width: 420, height: 1400 });
  await panel.page.screenshot({ path: 'artifacts/issue15/mautic-panel.png', fullPage: true });
});
