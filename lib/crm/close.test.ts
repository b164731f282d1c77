/**
 * Close pages whose markup Close's own selectors do not know: the person comes from the generic
 * reader's address and the contact card around it (close.ts `completeIdentity`).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { closeCrm } from './close';
import { readRecordPage } from './read-page';

const LEAD = 'lead_ox9yimTcfipZGnzPbDFDyFKm51zfFoWbSrHAE56yUhQ';
const CONTACT = 'cont_qg0eyN1ygQdvpSfF5PH5nLZjMeI8cFSmj83LDUL4CsJ';
const match = closeCrm.matchUrl(new URL(`https://app.close.com/lead/${LEAD}/`))!;

function read(html: string) {
  document.body.innerHTML = `<div class="LeadPage"><div class="LeadPage-header"><h1>Kestrel Roofing</h1></div>${html}</div>`;
  return readRecordPage(closeCrm, document, match);
}

describe('Close, read by the generic layer', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('takes a lead’s only contact card as its person when the card shows no address', () => {
    const card = `<div class="ContactCard" data-contact-id="${CONTACT}"><div class="ContactCard-name">Bridget Nwosu</div>
      <a href="tel:+16125550147">+1 612-555-0147</a><button type="button">Add email</button></div>`;
    expect(read(`<section><h2>Contacts</h2>${card}</section>`)).toEqual({ crm: 'close', type: 'lead', id: `${LEAD}/${CONTACT}`, name: 'Bridget Nwosu', email: undefined });
    // Two contacts and no address: nothing says which one the rep means.
    const other = card.replace(CONTACT, 'cont_Zx81mQpL0aBcDeFgHiJkLmNoPqRsTuV').replace('Bridget Nwosu', 'Sam Okafor');
    expect(read(`<section><h2>Contacts</h2>${card}${other}</section>`)).toMatchObject({ id: LEAD, name: undefined, email: undefined });
  });

  it('takes a contact’s address that has not bounced over one Close marks bounced, in either reading', () => {
    const rows = `<div><a href="mailto:tk@kestenbaum-pottery.example">tk@kestenbaum-pottery.example</a> <span>office</span> <span title="Last email to this address bounced">⚠ Bounced</span></div>
      <div><a href="mailto:tobiah@harbourline.example">tobiah@harbourline.example</a> <span>direct</span></div>`;
    const own = `<div class="ContactCard_card__x1Y2z" data-contact-id="${CONTACT}"><div class="ContactCard_name__a1">Tobiah Kestenbaum</div>${rows}</div>`;
    expect(read(own)).toMatchObject({ id: `${LEAD}/${CONTACT}`, email: 'tobiah@harbourline.example' });
    const generic = `<div class="contact-card" data-contact-id="${CONTACT}"><button aria-expanded="true">▾</button><span class="contact-name">Tobiah Kestenbaum</span>${rows}</div>`;
    expect(read(`<section><h2>Contacts</h2>${generic}</section>`)).toMatchObject({ id: `${LEAD}/${CONTACT}`, email: 'tobiah@harbourline.example' });
  });

  it('names no contact after the "Contacts" section heading its card is labelled by, whose "+ Add" is a button', () => {
    const section = `<section aria-labelledby="contacts-t"><h2 id="contacts-t">Contacts <button type="button">+ Add</button></h2>
      <div class="contact-card"><div class="contact-title">ysolde@spindrift.example</div><a href="mailto:ysolde@spindrift.example">ysolde@spindrift.example</a></div></section>`;
    expect(read(section)).toMatchObject({ name: undefined, email: 'ysolde@spindrift.example' });
  });

  it('names a contact being edited by its Name field, not by a later section of the lead', () => {
    const form = `<form class="ContactCard ContactCard--editing" id="${CONTACT}">
      <label class="Field"><span class="Field-label">Name</span><input type="text" name="name" value="Marguerite Lamb"></label>
      <label class="Field"><span class="Field-label">Title</span><input type="text" name="title" value="Accounts Payable Lead"></label>
      <fieldset><legend>Emails</legend><input type="email" value="Marguerite.Lamb@Teal-Harbour.co.uk" aria-label="Email"></fieldset>
      <button type="button">+ Add email</button><button type="submit">Save</button></form>`;
    expect(read(`<div class="LeadPage-left"><section><h2>Contacts</h2>${form}</section><section><h2>Lead summary</h2><p>Gold tier.</p></section></div>`)).toEqual({
      crm: 'close',
      type: 'lead',
      id: `${LEAD}/${CONTACT}`,
      name: 'Marguerite Lamb',
      email: 'marguerite.lamb@teal-harbour.co.uk',
    });
  });

  it('names a contact being edited by the field its "Name" label is for, on a row of its own after it', () => {
    const form = `<form class="ContactCard ContactCard--editing" id="${CONTACT}">
      <label class="muted" for="c-name">Name</label><br><input id="c-name" name="name" value="Perpetua Lindqvist"><br>
      <label class="muted" for="c-title">Title</label><br><input id="c-title" name="title" value="Foundry Manager"><br>
      <label class="muted" for="c-email">Email</label><br><input id="c-email" type="email" value="perpetua@harrowgate.example"></form>`;
    expect(read(`<section><h2>Contacts</h2>${form}</section>`)).toMatchObject({ name: 'Perpetua Lindqvist', email: 'perpetua@harrowgate.example' });
  });

  it('takes the contact in the "Edit Contact" dialog open over the lead, name and address', () => {
    const card = (n: number, name: string) =>
      `<div role="group" aria-labelledby="c-${n}"><div id="c-${n}">${name}</div><span>${name.split(' ')[0]!.toLowerCase()}@kaimana.example</span></div>`;
    const html = `<div aria-hidden="true"><section><h2>Contacts <span>3</span></h2>${card(1, 'Leilani Kahale')}${card(2, 'Noa Akana')}${card(3, 'Makoa Pali')}</section></div>
      <div role="dialog" aria-modal="true" aria-labelledby="m"><h2 id="m">Edit Contact</h2><label for="n">Name</label><input id="n" type="text" value="Noa Akana">
        <fieldset><legend>Emails</legend><input type="email" value="noa@kaimana.example" aria-label="Email"></fieldset><button>Save</button></div>`;
    expect(read(html)).toEqual({ crm: 'close', type: 'lead', id: `${LEAD}/noa@kaimana.example`, name: 'Noa Akana', email: 'noa@kaimana.example' });
  });

  it('takes no one typed into the "New Contact" dialog open over the lead for the contact the rep is on', () => {
    const card = `<div role="group" aria-labelledby="c-1"><div id="c-1">Hermione Valcárcel</div><a href="mailto:hermione@cowlishaw.example">hermione@cowlishaw.example</a></div>`;
    const dialog = `<div role="dialog" aria-modal="true" aria-labelledby="m"><form><h2 id="m">New Contact</h2><label for="n">Name</label><input id="n" type="text" value="Cedric Appiah-Dunne">
      <input type="email" value="cedric@cowlishaw.example" aria-label="Email"><button>Save</button></form></div>`;
    expect(read(`<section><h2>Contacts</h2>${card}</section>${dialog}`)).toMatchObject({ name: 'Hermione Valcárcel', email: 'hermione@cowlishaw.example' });
  });

  it('takes no shared inbox of the lead’s custom fields for a contact’s address, and names the card its label names', () => {
    const html = `<section aria-labelledby="c-h"><h2 id="c-h">Contacts <span>1</span></h2>
        <div role="group" aria-labelledby="c-1"><div id="c-1">Imani Okoro</div><div>Practice Manager</div>
          <div><span>imani.okoro@brightfield.example</span><span>office</span><button aria-label="Copy email address"></button></div></div></section>
      <section><h2>Custom Fields</h2><div><span>Billing inbox</span><span>accounts@brightfield.example</span></div></section>`;
    expect(read(html)).toEqual({ crm: 'close', type: 'lead', id: `${LEAD}/imani.okoro@brightfield.example`, name: 'Imani Okoro', email: 'imani.okoro@brightfield.example' });
  });

  it('takes the contact being edited in place over a collapsed card of Close’s own markup, and no composer’s recipient', () => {
    const collapsed = `<div class="ContactCard_card__9Vb3x"><button aria-expanded="false" aria-label="Expand contact">▸</button><span class="ContactCard_name__1Q0bz">Ilse Brandt</span></div>`;
    const editing = `<form class="ContactForm_form__4pR8s"><div class="ContactForm_label__0aH1f">Name</div><div><input name="name" value="Tomás Ferreira"></div>
      <div class="ContactForm_label__0aH1f">Emails</div><div><input type="email" value="tomas@ferreira-vinhos.example"></div><button type="submit">Save</button></form>`;
    // A reply being written to someone else: an address typed in, and no name field.
    const composer = `<form class="EmailComposer"><label>To <input type="email" value="ilse@brandt.example"></label><input name="subject" value="Dates"></form>`;
    expect(read(`<section><h2>Contacts</h2>${editing}${collapsed}</section>`)).toEqual({
      crm: 'close',
      type: 'lead',
      id: `${LEAD}/tomas@ferreira-vinhos.example`,
      name: 'Tomás Ferreira',
      email: 'tomas@ferreira-vinhos.example',
    });
    expect(read(`${composer}<section><h2>Contacts</h2>${collapsed}</section>`)).toMatchObject({ name: 'Ilse Brandt' });
  });

  it('names a contact drawn with no hint at all by its entry in the lead’s list, not by the lead above it', () => {
    const entry = (name: string, email: string) => `<li><div><span aria-hidden="true">${name.slice(0, 1)}</span><div><div>${name}</div><div>Gerente</div></div></div>
      <div><button type="button">${email}</button><span>office</span></div></li>`;
    const html = `<div><div>Panadería La Espiga S.L.</div></div><div><div><span>Contacts</span><button>+ Add</button></div><ul>${entry('Nuria Camacho', 'nuria@espiga.example')}</ul></div>`;
    expect(read(html)).toEqual({ crm: 'close', type: 'lead', id: `${LEAD}/nuria@espiga.example`, name: 'Nuria Camacho', email: 'nuria@espiga.example' });
  });

  it('takes the expanded contact’s card, addresses below its toggle, over a labelled address of the lead’s custom fields', () => {
    const contact = (id: string, name: string, expanded: boolean, rows: string) =>
      `<div class="Contact_root" data-contact-id="${id}"><div><div><button aria-expanded="${expanded}">${expanded ? '▾' : '▸'} ${name}</button><div>Head of Purchase</div></div></div>${rows}</div>`;
    const html =
      `<section><div><span>Contacts</span></div>${contact('cont_Zx81mQpL0aBcDeFgHiJkLmNoPqRsTuV', 'Sunil Agarwal', false, '')}` +
      contact(CONTACT, 'Sunita Agarwal', true, '<div>✉ <a href="mailto:sunita@balajitex.example">sunita@balajitex.example</a> <span>office</span></div>') +
      `</section><section><div><span>Custom Fields</span></div><div><span>Orders email</span><span>orders@balajitex.example</span></div></section>`;
    expect(read(html)).toEqual({ crm: 'close', type: 'lead', id: `${LEAD}/${CONTACT}`, name: 'Sunita Agarwal', email: 'sunita@balajitex.example' });
  });
});
