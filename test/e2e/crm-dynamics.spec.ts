/**
 * Dynamics 365 end to end: the Unified Interface fixture at a real regional host, and Dataverse's
 * Web API answered by the test server, so the content script's same-origin lookup is exercised
 * with the session cookie the "server" set at sign-in.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type TestServer } from './fixtures';
import { navigateInApp, SidePanel } from '../support/pages';

const ORIGIN = 'https://contoso.crm4.dynamics.com';
const APP_ID = '5c1f4d9e-0b6a-4c8e-9f0e-2a7f3b1d6c44';
const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/crm/dynamics.html');
const SESSION = 'CrmOwinAuth=leadside-e2e-session';

const TOMAS = { id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', name: 'Tomás Ferreira', email: 'tomas.ferreira@moedaclara.com.br' };
const CHLOE = { id: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', name: 'Chloe Martin', email: 'chloe.martin@parcelwise.co' };
const OLIVIA = { id: '6fa459ea-ee8a-4ca4-894e-db77e160355e', name: 'Olivia Chen', email: 'olivia.chen@banksiahealth.com.au' };
const PAUL = { id: 'c56a4180-65aa-42ec-a945-5fd21dec0538', name: 'Paul Richter', email: 'paul.richter@kranich-versicherung.de' };

/** What Dataverse holds, shaped as the Web API returns a single record. */
const DATAVERSE: Record<string, Record<string, Record<string, unknown>>> = {
  leads: {
    [TOMAS.id]: { fullname: TOMAS.name, emailaddress1: TOMAS.email, companyname: 'Moeda Clara', leadid: TOMAS.id },
    [CHLOE.id]: { fullname: CHLOE.name, emailaddress1: CHLOE.email, companyname: 'Parcelwise', leadid: CHLOE.id },
  },
  contacts: {
    [OLIVIA.id]: { fullname: OLIVIA.name, emailaddress1: OLIVIA.email, contactid: OLIVIA.id, parentcustomerid_account: { name: 'Banksia Health Insurance', accountid: '0b8a2c1e-6d6f-4b0a-9c1e-5a4d3c2b1a09' } },
    [PAUL.id]: { fullname: PAUL.name, emailaddress1: PAUL.email, contactid: PAUL.id, parentcustomerid_account: { name: 'Kranich Versicherung', accountid: '7d9e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a' } },
  },
};

interface ApiCall {
  path: string;
  headers: IncomingHttpHeaders;
}

/**
 * Plays the Dynamics org: the app shell (which sets the session cookie, as sign-in does) for every
 * page, and the Dataverse Web API, which like the real one answers only a signed-in session. This
 * route is added after the fixture's own, so it wins for the host.
 */
function playDynamicsOrg(server: TestServer): ApiCall[] {
  const calls: ApiCall[] = [];
  server.route('*.crm*.dynamics.com', async (req, res, url) => {
    const api = /^\/api\/data\/v9\.2\/(leads|contacts)\(([0-9a-f-]{36})\)$/.exec(url.pathname);
    if (!api) {
      if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'set-cookie': `${SESSION}; Path=/; Secure; HttpOnly; SameSite=None`,
      });
      return void res.end(await readFile(FIXTURE, 'utf8'));
    }
    calls.push({ path: `${url.pathname}${url.search}`, headers: req.headers });
    const entitySet = api[1]!;
    const id = api[2]!;
    const json = (status: number, body: unknown): void =>
      void res.writeHead(status, { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0' }).end(JSON.stringify(body));
    if (!req.headers.cookie?.includes(SESSION)) return json(401, { error: { code: '0x80072560', message: 'The user is not authenticated.' } });
    const record = DATAVERSE[entitySet]?.[id];
    if (!record) return json(404, { error: { code: '0x80040217', message: `Entity with Id = ${id} Does Not Exist` } });
    json(200, { '@odata.context': `${url.origin}/api/data/v9.2/$metadata#${entitySet}/$entity`, '@odata.etag': 'W/"4417283"', ...record });
  });
  return calls;
}

test('a lead opened by a link with its parameters in another order, braces and upper case', async ({ extension, server, openSidePanel }) => {
  playDynamicsOrg(server);
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/main.aspx?id=%7B${TOMAS.id.toUpperCase()}%7D&pagetype=entityrecord&appid=${APP_ID}&etn=lead`);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText(TOMAS.name);
  await expect(panel.detectedEmail).toHaveText(TOMAS.email);
  await expect(panel.detectedRecordId).toHaveText(`lead ${TOMAS.id}`);
  await expect(panel.page.getByTestId('detected')).toContainText('Moeda Clara');
  await expect(panel.section('brief-source')).toContainText('LinkedIn – Engineering Leaders SOC 2');
});

test('a contact whose form does not show the e-mail gets it from the Dataverse Web API', async ({ extension, server, openSidePanel }) => {
  const calls = playDynamicsOrg(server);
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/main.aspx?appid=${APP_ID}&pagetype=entityrecord&etn=contact&id=${PAUL.id}`);
  await expect(crm.locator('h1[data-id="header_title"]')).toContainText(PAUL.name);
  await expect(crm.locator('[data-id="firstname.fieldControl-text-box-text"]')).toHaveValue('Paul');
  await expect(crm.locator('[data-id^="emailaddress1"]')).toHaveCount(0);
  const panel = new SidePanel(await openSidePanel(crm));

  await expect(panel.detectedName).toHaveText(PAUL.name);
  await expect(panel.detectedEmail).toHaveText(PAUL.email);
  await expect(panel.detectedRecordId).toHaveText(`contact ${PAUL.id}`);
  // Demo data knows Paul by e-mail only, so the brief proves the API's answer was used.
  await expect(panel.section('brief-source')).toContainText('ISO 27001 in 90 Days – Webinar');

  const call = calls.find((entry) => entry.path.startsWith(`/api/data/v9.2/contacts(${PAUL.id})`));
  expect(call?.path).toBe(`/api/data/v9.2/contacts(${PAUL.id})?$select=fullname,emailaddress1&$expand=parentcustomerid_account($select=name)`);
  expect(call?.headers).toMatchObject({ accept: 'application/json', 'odata-maxversion': '4.0', 'odata-version': '4.0' });
  expect(call?.headers.cookie).toContain(SESSION);
});

test('in-app navigation between records, by query and by hash, switches the brief', async ({ extension, server, openSidePanel }) => {
  playDynamicsOrg(server);
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/main.aspx?appid=${APP_ID}&pagetype=entitylist&etn=lead`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.page.getByTestId('state-no-record')).toBeVisible();
  const reloadMarker = await crm.evaluate(() => (window.__marker = String(Math.random())));

  // A grid link: pushState to main.aspx?…&pagetype=entityrecord&etn=lead&id=….
  await crm.getByTestId(`record-link-${CHLOE.id}`).click();
  await expect(crm).toHaveURL(`${ORIGIN}/main.aspx?appid=${APP_ID}&pagetype=entityrecord&etn=lead&id=${CHLOE.id}`);
  await expect(panel.detectedName).toHaveText(CHLOE.name);
  await expect(panel.detectedRecordId).toHaveText(`lead ${CHLOE.id}`);
  await expect(panel.section('brief-source')).toContainText('Offboarding Ebook – LinkedIn Lead Gen');

  // An older link: the record in the hash, which overrides the query's lead.
  await navigateInApp(crm, `#etn=contact&id=%7B${OLIVIA.id.toUpperCase()}%7D&pagetype=entityrecord`);
  await expect(panel.detectedName).toHaveText(OLIVIA.name);
  await expect(panel.detectedEmail).toHaveText(OLIVIA.email);
  await expect(panel.detectedRecordId).toHaveText(`contact ${OLIVIA.id}`);
  await expect(panel.section('brief-source')).toContainText('Partner: Auditwise referrals');

  // Back (popstate, the previous form re-shown from the page cache): Chloe again.
  await crm.goBack();
  await expect(panel.detectedName).toHaveText(CHLOE.name);
  await expect(panel.section('brief-source')).toContainText('Offboarding Ebook – LinkedIn Lead Gen');
  expect(await crm.evaluate(() => window.__marker)).toBe(reloadMarker);
});

test('a lead marketing does not know shows who was detected and “not in marketing data”', async ({ extension, server, openSidePanel }) => {
  playDynamicsOrg(server);
  const crm = await extension.context.newPage();
  await crm.goto(`${ORIGIN}/main.aspx#pagetype=entityrecord&etn=lead&id=1b4e28ba-2fa1-41d2-883f-0016d3cca427`);
  const panel = new SidePanel(await openSidePanel(crm));
  await expect(panel.detectedName).toHaveText('Sam Rivera');
  await expect(panel.detectedEmail).toHaveText('sam.rivera@unknown-co.example');
  await expect(panel.page.getByTestId('state-not-found')).toContainText('Not in marketing data');
});
