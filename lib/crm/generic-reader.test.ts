import { beforeEach, describe, expect, it } from 'vitest';
import { assignSlotsAsBrowsersDo } from '@/test/support/assigned-slot';
import { readGenericIdentity, tidyName } from './generic-reader';

assignSlotsAsBrowsersDo();

function page(html: string, title = ''): void {
  document.title = title;
  document.body.innerHTML = html;
}

describe('readGenericIdentity', () => {
  beforeEach(() => page(''));

  it('reads a labelled e-mail in each language the CRMs ship', () => {
    const labels = [
      ...['Email', 'E-mail', 'E-Mail-Adresse', 'Courriel', 'Adresse de messagerie', 'Correo electrónico', 'Endereço de e-mail', 'Indirizzo email', 'Posta elettronica'],
      ...['E-post', 'E-posta', 'Sähköposti'],
    ];
    for (const label of labels) {
      page(`<h1>Ana Lima</h1><div><span>Phone</span><span>+351 21 555 0100</span></div><div><span>${label}</span><span>ana.lima@tejo.example</span></div>`);
      expect(readGenericIdentity(document), label).toMatchObject({ name: 'Ana Lima', email: 'ana.lima@tejo.example', labelled: true });
    }
  });

  it('reads an address the CRM broke into pieces so it can wrap (<wbr>, a span per part), with its field’s label', () => {
    page(`<h1>Anastasia Whitaker</h1>
      <div class="card"><span>Assistant Email</span><span>pa@<wbr>maritime.example</span></div>
      <div class="card"><label>Email</label><div><span>Anastasia.<wbr>Whitaker@<wbr>Maritime-<wbr>Logistics.<wbr>example</span></div></div>`);
    expect(readGenericIdentity(document)).toMatchObject({ email: 'anastasia.whitaker@maritime-logistics.example', labelled: true });
  });

  it('reads an address a masked field hides from the action that names it to assistive technology, never an owner’s', () => {
    page(`<h1>Priyanka Sharma</h1>
      <button aria-label="Email the record owner: dev.k@indus.example">Owner</button>
      <button aria-label="Send Email to priyanka.sharma@indus-textiles.example">Send Email</button>
      <div><span>Email</span><span>pri*****@****.example</span></div>`);
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Priyanka Sharma', email: 'priyanka.sharma@indus-textiles.example' });
  });

  it('lets context decide among several addresses, never document order', () => {
    // The owner's, the assistant's and a secondary address come first in the page; the record's
    // own labelled address last.
    page(`<h1>Ravi Iyer</h1>
      <dl><dt>Contact owner</dt><dd><a href="mailto:owner@vendor.example">owner@vendor.example</a></dd>
      <dt>Assistant Email</dt><dd>pa@monsoon.example</dd>
      <dt>Secondary Email</dt><dd>ravi@home.example</dd>
      <dt>Email</dt><dd>ravi.iyer@monsoon.example</dd></dl>`);
    expect(readGenericIdentity(document).email).toBe('ravi.iyer@monsoon.example');
  });

  it("never takes an address from a table row that links another record by a name of its own (the account's other contacts)", () => {
    const table = `<section><h2>Associated people</h2><table><thead><tr><th>Name</th><th>Email</th></tr></thead><tbody>
      <tr><td><a href="/record/0-1/102">Ronan Keaveney</a></td><td>ronan.keaveney@brackenridge.example</td></tr></tbody></table></section>`;
    page(`<h1>Saoirse Mulvany</h1>${table}`);
    expect(readGenericIdentity(document).email).toBeUndefined();
    page(`<h1>Saoirse Mulvany</h1>${table}<div><span>Email</span><span>saoirse@brackenridge.example</span></div>`);
    expect(readGenericIdentity(document).email).toBe('saoirse@brackenridge.example');
    // The person's own row in such a table (a list beside the record) is hers.
    page(`<h1>Saoirse Mulvany</h1>${table.replace('Ronan Keaveney', 'Saoirse Mulvany').replaceAll('ronan.keaveney', 'saoirse')}`);
    expect(readGenericIdentity(document).email).toBe('saoirse@brackenridge.example');
  });

  it('takes the address flagged primary among those of one field', () => {
    page(`<h1>Yuki Sato</h1><span>Emails</span><ul><li><a href="mailto:y@private.example">y@private.example</a></li>
      <li><a href="mailto:yuki@sakura.example">yuki@sakura.example</a> <span>Primary</span></li></ul>`);
    expect(readGenericIdentity(document).email).toBe('yuki@sakura.example');
  });

  it('takes the address marked preferred among those of one field', () => {
    page(`<h1>Yuki Sato</h1><span>Emails</span><ul><li><a href="mailto:y@private.example">y@private.example</a></li>
      <li><a href="mailto:yuki@sakura.example">yuki@sakura.example</a> <span>Preferred</span></li></ul>`);
    expect(readGenericIdentity(document).email).toBe('yuki@sakura.example');
  });

  it('never reads the navigation, the signed-in user, the timeline or related lists', () => {
    page(`<nav><a href="mailto:rep@vendor.example">rep@vendor.example</a></nav>
      <div role="banner">me@vendor.example</div><div class="user-menu">me@vendor.example</div>
      <h1>Lena Vogt</h1>
      <section class="activity-timeline"><a href="mailto:someone@else.example">someone@else.example</a></section>
      <div class="related-list"><a href="mailto:colleague@else.example">colleague@else.example</a></div>`);
    expect(readGenericIdentity(document)).toEqual({ name: 'Lena Vogt' });
  });

  it('descends into nested open shadow roots, with no field-label attribute needed', () => {
    page('<h1>Aiko Tanaka</h1><x-detail></x-detail>');
    const outer = document.querySelector('x-detail')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<div><span>Email</span><div><x-email></x-email></div></div>';
    outer.querySelector('x-email')!.attachShadow({ mode: 'open' }).innerHTML = '<a href="mailto:Aiko.Tanaka@hoshi.example">Aiko</a>';
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Aiko Tanaka', email: 'aiko.tanaka@hoshi.example', labelled: true });
  });

  it('reads an e-mail input while the field is edited, and a name typed in first/last name inputs', () => {
    page('<input placeholder="First name" value="Leila"><input placeholder="Last name" value="Haddad"><label for="m">Emails</label><input id="m" value="leila@cedar.example">');
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Leila Haddad', email: 'leila@cedar.example' });
  });

  it('names the record from document.title without the CRM’s words or a salutation', () => {
    page('<p>nothing here</p>', 'Contacto: Sra. Lucía Fernández ~ Salesforce - Enterprise Edition');
    expect(readGenericIdentity(document).name).toBe('Lucía Fernández');
    page('<p>nothing here</p>', 'Leads - Zoho CRM');
    expect(readGenericIdentity(document).name).toBeUndefined();
  });

  it('reads nothing from hidden regions (a page the CRM keeps for later)', () => {
    page('<div hidden><h1>Olga Oldfield</h1><a href="mailto:old@x.example">old@x.example</a></div><h1>Nadia Novak</h1>');
    expect(readGenericIdentity(document)).toEqual({ name: 'Nadia Novak' });
  });

  it('reads an icon that labels the value after it only to assistive technology as its label', () => {
    page(`<div role="heading" aria-level="1">Katarzyna Żmuda</div>
      <div role="status">Possible duplicate: <a href="#">Kamil Żmuda</a> (kamil.zmuda@piekarnia.example)</div>
      <section><div><span role="img" aria-label="Phone">☎</span><span>+48 22 555 41 07</span></div>
      <div><span role="img" aria-label="E-mail" title="E-mail">✉</span><span><button type="button">katarzyna.zmuda@piekarnia.example</button></span></div></section>`);
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Katarzyna Żmuda', email: 'katarzyna.zmuda@piekarnia.example', labelled: true });
  });

  it('takes an address after a line break under someone else’s name for theirs', () => {
    page(`<h1>Bérénice Castagnet</h1><section><h2>Équipe du compte</h2>
      <div>Héloïse Marchal · Propriétaire<br><span class="mail">heloise.marchal@bellerive.example</span></div></section>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('takes no inbox for the person’s: an invoices, accounting or general address labelled in Malay, Greek or Spanish', () => {
    for (const label of ['Emel invois', 'Email λογιστηρίου', 'Correo general']) {
      page(`<h1>Ahmad Faizal</h1><div>✉ <span>faizal@rempah.example</span></div><div><span>${label}</span><span>akaun@rempah.example</span></div>`);
      expect(readGenericIdentity(document).email, label).toBe('faizal@rempah.example');
    }
  });

  it('takes "Owner & General Manager" or "Orgelbaumeister, Inhaber" above a contact’s addresses for a job title, not an owner field', () => {
    for (const role of ['Owner &amp; groomer', 'Hundefriseurin, Inhaberin']) {
      page(`<h1>Marram Dog Grooming</h1><div class="contact-card"><div>Elizabeth Corriveau</div><div>${role}</div>
        <ul><li><a href="tel:+441485550273">+44 1485 550273</a></li><li><a href="mailto:office@marramdogs.example">office@marramdogs.example</a></li></ul></div>`);
      expect(readGenericIdentity(document, false).email, role).toBe('office@marramdogs.example');
    }
    page(`<h1>Marram Dog Grooming</h1><div><div>Lead owner</div><div><div><a href="mailto:gareth@ambrose.example">gareth@ambrose.example</a></div></div></div>`);
    expect(readGenericIdentity(document, false).email).toBeUndefined();
  });

  it('takes no address from a card headed by a link to someone else (a hover card of another record)', () => {
    const hover = `<div role="dialog"><h2><a href="/0035g00000QmR2d">Innes Drummond</a></h2><table><tr><td>Email</td><td><a href="mailto:innes@kinloch.example">innes@kinloch.example</a></td></tr></table></div>`;
    const own = `<div><h2>Mairi Lachlan</h2><table><tr><td>Email</td><td><a href="mailto:mairi@kinloch.example">mairi@kinloch.example</a></td></tr></table></div>`;
    page(`${hover}${own}`, 'Contact: Mairi Lachlan ~ Salesforce');
    expect(readGenericIdentity(document).email).toBe('mairi@kinloch.example');
    // A company's page heads its own people's cards with their names.
    page(`<h1>Kinloch Distilling</h1>${hover.replace('role="dialog"', '')}`);
    expect(readGenericIdentity(document, false).email).toBe('innes@kinloch.example');
  });

  it('finds no name on a record titled with a placeholder, not even in its section headings', () => {
    page(`<h1>[[unknown]]</h1><section><h3><span class="section-header-title">Webinar Registration</span></h3>
      <div><span>Email</span><span>ikenna@tarnmoor.example</span></div></section>`, '[[unknown]] | Lead | Salesforce');
    expect(readGenericIdentity(document)).toMatchObject({ name: undefined, email: 'ikenna@tarnmoor.example' });
  });

  it('takes a title that is the navigation’s current item for the module’s name, not the record’s', () => {
    page(`<nav><a href="/contacts" aria-current="page">Donors</a></nav><header class="app-header"><h1>Donors</h1></header>
      <main><div class="contact-name">Beatrix Hollingworth</div><div><span>Email</span><span>bea@hollingworth.example</span></div></main>`);
    expect(readGenericIdentity(document).name).toBe('Beatrix Hollingworth');
  });

  it('takes no CRM’s own address for filing mail (a Mail Drop Box, a Smart BCC) for the person’s', () => {
    for (const address of ['dropbox@20841736.meithrinfa.capsulecrm.com', 'lumieredubois@pipedrivemail.com', '4410293@bcc.hubspot.com']) {
      page(`<h1>Gwenllian Prytherch</h1><div><span>Phone</span><span>01970 555 012</span></div><h3>Mail Drop Box</h3><div>Bcc or forward emails to <strong>${address}</strong></div>`);
      // A Capsule party's page, whose title may be a company's: no address is judged by the name.
      expect(readGenericIdentity(document, false).email, address).toBeUndefined();
    }
  });

  it('takes the saved address the record shows read-only over a new one an inline editor holds unsaved, and the editor’s where none is shown', () => {
    const editor = (address: string) => `<div><label for="e">Email</label><input id="e" type="text" value="${address}"><button>Save</button><button>Cancel</button></div>`;
    page(`<div><h1>Emeka Okonkwo</h1><div class="highlight-email">emeka@lagoonbev.example</div></div>${editor('emeka.okonkwo@lagoon-beverages.example')}`);
    expect(readGenericIdentity(document).email).toBe('emeka@lagoonbev.example');
    page(`<div><h1>Emeka Okonkwo</h1><div>Procurement Lead</div></div>${editor('emeka.okonkwo@lagoon-beverages.example')}`);
    expect(readGenericIdentity(document).email).toBe('emeka.okonkwo@lagoon-beverages.example');
  });

  it('takes an edit input the CRM marks invalid for the lesser of two addresses otherwise alike', () => {
    const row = (address: string, invalid: boolean) => `<div><label>Email</label><input type="email" value="${address}"${invalid ? ' aria-invalid="true"' : ''}></div>`;
    page(`<h1>Tendai Mukwasha</h1>${row('orders@msasa.example', true)}${row('tendai@msasa.example', false)}`);
    expect(readGenericIdentity(document).email).toBe('tendai@msasa.example');
    // Alone, it is still the field's value: the error may be stale.
    page(`<h1>Tendai Mukwasha</h1>${row('tendai@msasa.example', true)}`);
    expect(readGenericIdentity(document).email).toBe('tendai@msasa.example');
  });

  it('takes no address an edit input holds that the CRM refused as another contact’s, even alone', () => {
    for (const error of ['Another contact already has this email address.', 'Ein Kontakt mit dieser E-Mail-Adresse existiert bereits.', 'Ya existe un contacto con este correo.']) {
      page(`<h1>Lowri Cadwaladr</h1>
        <div><label for="e">Email</label><input id="e" type="email" value="idris@nantlle.example" aria-invalid="true" aria-describedby="err"><div id="err">${error} <a href="/contacts/1">View Idris Pennock</a></div></div>`);
      expect(readGenericIdentity(document).email, error).toBeUndefined();
    }
  });

  it('reads nothing typed into a dialog for a new record opened over the record page', () => {
    for (const title of ['Create contact', 'New Contact', 'Quick Create: Lead', 'Neuer Kontakt', 'Nouveau contact', 'Add Person']) {
      page(`<h1>Torunn Hesjedal</h1><div><span>Phone</span><span>+47 5555 0100</span></div>
        <div role="dialog" aria-labelledby="t"><h2 id="t">${title}</h2><label for="e">Email</label><input id="e" type="email" value="eskil@hardanger.example"></div>`);
      expect(readGenericIdentity(document).email, title).toBeUndefined();
    }
    // A dialog that edits the record is the record's.
    page(`<h1>Torunn Hesjedal</h1><div role="dialog" aria-label="Edit Torunn Hesjedal"><label for="e">Email</label><input id="e" type="email" value="torunn@hardanger.example"></div>`);
    expect(readGenericIdentity(document).email).toBe('torunn@hardanger.example');
  });

  it('reads past an address’s kind shown as a second label after the field’s ("Email", "Work", then the address)', () => {
    page(`<h1>Isolde Pennycuick</h1><ul><li><span class="sr-only" id="k">Email</span><span class="kind">Work</span><a href="mailto:isolde@tweedbank.example" aria-labelledby="k">isolde@tweedbank.example</a></li></ul>
      <ol aria-label="Notes"><li><p>Referred by Alasdair Mowbray (alasdair@mowbray.example)</p></li></ol>`);
    expect(readGenericIdentity(document).email).toBe('isolde@tweedbank.example');
  });

  it('reads no list of records a record’s dialog opens over (a list view, a Kanban board), nor its title', () => {
    page(`<div class="listViewContent"><h1>My Open Leads</h1><ul class="kanbanCards"><li><a href="/lead/1">Ambrose Hale</a><dl><dt>Email</dt><dd>ambrose@kestrel.example</dd></dl></li></ul></div>
      <section role="dialog" aria-label="Edit Ottoline Pryce"><label for="f">First Name</label><input id="f" value="Ottoline"><label for="l">Last Name</label><input id="l" value="Pryce"><label for="e">Email</label><input id="e" type="email" value="ottoline@marbury.example"></section>`);
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Ottoline Pryce', email: 'ottoline@marbury.example' });
  });

  it('reads a page whose whole app a navigation shell wraps (HubSpot’s hs-nav-v4), and still no navigation bar', () => {
    page(`<div id="hs-nav-v4"><nav aria-label="Main">Contacts</nav><div class="app-nav"><a href="mailto:rep@fellgate.example">rep@fellgate.example</a></div>
      <aside><h2>Thaddeus Penrice</h2><div><span class="label">Email</span><span class="value">t.penrice@millbeck.example</span></div></aside><main>Activity</main></div>`);
    expect(readGenericIdentity(document).email).toBe('t.penrice@millbeck.example');
  });

  it('reads an address labelled as the person’s own inbox ("Work inbox"), and a shared inbox as someone else’s', () => {
    page(`<h1>Saoirse Vennard</h1><div><p>Work inbox</p><p><a href="mailto:saoirse@carrick.example">saoirse@carrick.example</a></p></div>
      <table><tr><th>Name</th><th>Email</th></tr><tr><td>Orla Keane</td><td>orla@carrick.example</td></tr></table>`);
    expect(readGenericIdentity(document).email).toBe('saoirse@carrick.example');
    page(`<h1>Saoirse Vennard</h1><div><p>Shared inbox</p><p>ops@carrick.example</p></div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('reads a value a line break puts under its label as the field’s, not as an empty field', () => {
    page(`<h1>Nandini Thirumalai</h1><div><span class="label">Email</span><br><span class="value">nandini@coirworks.example</span></div>`);
    expect(readGenericIdentity(document).email).toBe('nandini@coirworks.example');
  });

  it('reads no address from a list of the account’s other people, even one sharing the person’s family name', () => {
    for (const heading of ['Contacts at this account (4)', 'Other contacts', 'People at Vantor Ceramics', 'Kontakte bei Vantor']) {
      page(`<h1>Anjali Deshmukh</h1><section><h3>${heading}</h3><ul><li><a href="/c/1">Rohan Deshmukh</a><dl><dt>Email</dt><dd>rohan.deshmukh@vantor.example</dd></dl></li>
        <li><a href="/c/2">Ilse Vandermeer</a><dl><dt>Email</dt><dd>ilse@vantor.example</dd></dl></li></ul></section>`);
      expect(readGenericIdentity(document).email, heading).toBeUndefined();
    }
  });

  it('takes no placeholder a form, a help text or a loading skeleton writes where an address goes', () => {
    // A loading skeleton: no title yet, a placeholder where the address will be.
    page(`<div class="prop"><div class="label">Email</div><br><div class="value">name@company.example</div></div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
    page(`<h1>Jane Doe</h1><div class="prop"><div class="label">Email</div><br><div class="value">jane.doe@company.example</div></div>`);
    expect(readGenericIdentity(document).email).toBe('jane.doe@company.example');
  });

  it('reads nothing from a map’s tooltip or its nearby records', () => {
    page(`<h1>Marisela Ocampo</h1><div><span>Company</span><span>Ocampo Orchard Supply</span></div>
      <div class="maps-tooltip" aria-label="Marker tooltip"><h3>Ignacio Ocampo</h3><dl><dt>Email</dt><dd>ignacio@ocampo.example</dd></dl></div>
      <table class="nearby-records"><tr><td>Gurleen Dhaliwal</td><td>gurleen@dhaliwal.example</td></tr></table>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('takes a sparse record’s only address from its own words about the person when it spells their first name, never a relative’s beside it', () => {
    const about = (text: string) => `<h1>Rosalba Quenby</h1><section><h2>About</h2><div>Wedding cakes from her kitchen in Frome, met at the market on 29 November. ${text}</div></section>`;
    page(about('Her sister Philippa (philippa.quenby@icloud.example) takes orders on Sundays, but quotes go to Rosalba direct: rosalba.quenby@icloud.example'));
    expect(readGenericIdentity(document).email).toBe('rosalba.quenby@icloud.example');
    page(about('Her sister Philippa (philippa.quenby@icloud.example) takes all the orders and answers every question about quotes.'));
    expect(readGenericIdentity(document).email).toBeUndefined();
    // The e-mail field shown empty says she has none: the words about her quote someone else's.
    page(`${about('Quotes go to rosalba.quenby@icloud.example on weekdays only, never to the stall.')}<div><span class="label">Email</span><span class="value">—</span></div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('reads "Email" in a value cell of a label and value table as a value, not as an empty e-mail field', () => {
    page(`<h1>Philippa Vanterpool</h1><table>
      <tr><td class="label">Email</td><td class="data"><a href="/email/author?p2_lkid=1">p.vanterpool@staldric.example</a></td><td class="label">Assistant</td><td class="data">Beatrix Odhiambo</td></tr>
      <tr><td class="label">Preferred Channel</td><td class="data">Email</td><td class="label">Do Not Call</td><td class="data">No</td></tr></table>`);
    expect(readGenericIdentity(document).email).toBe('p.vanterpool@staldric.example');
  });

  it('takes no address from the custom fields admins add for the people around a customer', () => {
    for (const label of ["Decision Maker's Email", 'Champion email', 'Partner Manager Email', 'EA email', 'Escalation email', 'Procurement contact email', 'Solicitor email', 'Joint member email', 'Signatory email', 'Legal notices email', 'E-Mail Innendienst', 'Email amministrazione', 'PEC', 'Supplier email', 'Correo del distribuidor', 'Bogholderi e-mail', 'Regnskapsfører e-post', 'Könyvelő e-mail címe']) {
      page(`<h1>Thaddeus Blackmore</h1><div><span>${label}</span><span>other@bindery.example</span></div><div>✉ <a href="mailto:thaddeus@bindery.example">thaddeus@bindery.example</a></div>`);
      expect(readGenericIdentity(document).email, label).toBe('thaddeus@bindery.example');
    }
  });

  it('takes an open menu’s "Set as primary" beside an address for an action, not a primary flag', () => {
    page(`<h1>Maëlys Kerouédan</h1><div><span>E-mails</span><div role="listbox" aria-label="E-mails">
      <div role="option"><span>maelys.kerouedan@iroise.example</span><button type="button" aria-label="Plus d'actions">⋯</button></div>
      <div role="option"><span>maelys.k@perso.example</span><button type="button" aria-label="Plus d'actions" aria-expanded="true">⋯</button>
        <div role="menu"><span role="menuitem">☆ Définir comme principal</span><span role="menuitem">Supprimer</span></div></div></div></div>`);
    expect(readGenericIdentity(document).email).toBe('maelys.kerouedan@iroise.example');
  });

  it('takes an address with no label that does not name the titled person for someone else’s (shown before the person’s details render)', () => {
    // The person's details still loading: only a timeline's colleague and an owner's card show addresses.
    page(`<h1>Hedwig Brandstätter</h1><div class="card"><h2>Kontakte (2)</h2><div>Leopold Gsaller<br>leopold.gsaller@almhof.example</div></div>
      <div class="layer"><div role="dialog" aria-label="Contact card for Imran Bhatti"><div class="contact"><div>Email<br><a href="mailto:imran@tidewell.example">imran@tidewell.example</a></div></div></div></div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
    // Unlabelled addresses that name her do: her name's words, their other spelling, their first letters, her initials.
    for (const own of ['hedwig.brandstaetter@almhof.example', 'h.brandstatter@almhof.example', 'brandst.h@almhof.example', 'hb@almhof.example']) {
      page(`<h1>Hedwig Brandstätter</h1><div>✉ <span>${own}</span></div><p>leopold.gsaller@almhof.example</p>`);
      expect(readGenericIdentity(document).email, own).toBe(own);
    }
    // A mailto link in the record's header beside its title is hers, as is a labelled address whatever
    // it says; a name in another script cannot be compared.
    page(`<header><h1>Margarethe Kittelmann</h1><div>✉ <a href="mailto:gretl@toepferei.example">gretl@toepferei.example</a></div></header>`);
    expect(readGenericIdentity(document).email).toBe('gretl@toepferei.example');
    page(`<h1>Hedwig Brandstätter</h1><div><span>E-Mail</span><span>office.h7@almhof.example</span></div>`);
    expect(readGenericIdentity(document).email).toBe('office.h7@almhof.example');
    page(`<h1>Богданка Ткачук</h1><div>✉ <span>b.tkachuk@lviv.example</span></div>`);
    expect(readGenericIdentity(document).email).toBe('b.tkachuk@lviv.example');
    // A page whose title may be a company's (a Close lead, a Pipedrive deal): the rule is not for it.
    page(`<h1>Kestrel Roofing</h1><div>✉ <span>imani.okoro@brightfield.example</span></div>`);
    expect(readGenericIdentity(document, false).email).toBe('imani.okoro@brightfield.example');
  });

  it('takes an address in brackets after someone else’s name for theirs', () => {
    page(`<h1>Katarzyna Żmuda</h1><div>Possible duplicate: <a href="#">Kamil Żmuda</a> (kamil.zmuda@piekarnia.example)</div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('takes an "Email" that is a value followed by the next section’s heading for no empty e-mail field', () => {
    page(`<h1>Gaëlle Rocher</h1><section>
      <div><div>Adresse e-mail</div><div><button type="button">g.rocher@biscuiterie.example</button></div></div>
      <div><div>Mode de contact préféré</div><div>E-mail</div></div>
      <h2>Adresse</h2><div><div>Ville</div><div>Nantes</div></div></section>`);
    expect(readGenericIdentity(document).email).toBe('g.rocher@biscuiterie.example');
  });

  it('takes "Email" in a line of text (a history entry’s kind and subject) for no empty e-mail field', () => {
    page(`<h1>Maartje van der Wiel-Blom</h1><div><span>✉</span> <a href="mailto:m.vanderwiel@bollenhuis.example">m.vanderwiel@bollenhuis.example</a> Work</div>
      <div><div><strong>Email</strong> · Prijslijst 2027</div><div class="meta">From Sander Kuipers to Maartje · 18 Nov</div></div>`);
    expect(readGenericIdentity(document).email).toBe('m.vanderwiel@bollenhuis.example');
    // The word alone in its box, with an empty value after it, is the field shown empty.
    page(`<h1>Maartje van der Wiel-Blom</h1><div><span>✉</span> <a href="mailto:m.vanderwiel@bollenhuis.example">m.vanderwiel@bollenhuis.example</a> Work</div>
      <div><div><strong>Email</strong></div><div class="value">—</div></div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('reads the name from the inline-edit buttons of an element that says it is the display name', () => {
    page(`<div data-testid="contact-display-name"><button type="button">Oluwaseun</button><button type="button">Fashola-Hart</button></div>`);
    expect(readGenericIdentity(document).name).toBe('Oluwaseun Fashola-Hart');
  });

  it('takes the label further up of a value whose class says "email" (an assistant’s), and prefers the field labelled only "Email" (Bengali "ইমেল") to a longer label', () => {
    page(`<h1>Hendra Setiawan</h1>
      <div><span>Email Asisten</span><span><a class="cxEmailLink" href="#">rina.marlina@kopi.example</a></span></div>
      <div><span>Email</span><span><a class="cxEmailLink" href="#">hendra.setiawan@kopi.example</a></span></div>`);
    expect(readGenericIdentity(document).email).toBe('hendra.setiawan@kopi.example');
    page(`<h1>Sudipa Chatterjee</h1>
      <div><span>রেফারকারীর ইমেল</span><span>arindam@gangetic.example</span></div>
      <div><span>ইমেল</span><span>sudipa@hooghly.example</span></div>`);
    expect(readGenericIdentity(document).email).toBe('sudipa@hooghly.example');
  });
});

describe('readGenericIdentity, around the name and the owner', () => {
  it('leaves a badge beside the name out of it (a linked name stays), and an owner card out of the addresses', () => {
    document.title = '';
    document.body.innerHTML = `<h1>Priya Raman <span class="badge">Lead</span></h1>
      <div class="owner-card"><h4>Record owner</h4><div><span>Email</span><span>dana@vendor.example</span></div></div>
      <div><span>Email</span><span title="priya.raman@ledgerly.example">priya.raman@ledg…</span></div>`;
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Priya Raman', email: 'priya.raman@ledgerly.example' });
    document.body.innerHTML = '<h1><a href="/person/1">Noor Haddad</a><button>Edit</button></h1>';
    expect(readGenericIdentity(document).name).toBe('Noor Haddad');
  });
});

describe('readGenericIdentity, names in parts and company inboxes', () => {
  it('joins a first and a last name shown as labelled text when nothing titles the record', () => {
    page('<div><div>Voornaam</div><div>Fleur</div></div><div><div>Achternaam</div><div>de Jong</div></div>', 'HubSpot');
    expect(readGenericIdentity(document).name).toBe('Fleur de Jong');
    // "Sobrenome" (pt) holds "nome" but is the last name; a label's wrapper may hold it.
    page('<p><span>Sobrenome</span></p><p>Souza</p><p><span>Nome:</span></p><p>Rafael</p>');
    expect(readGenericIdentity(document).name).toBe('Rafael Souza');
  });

  it('takes no half name, and no other field whose label starts like one', () => {
    page('<div><span>Nome</span><span>Chiara Esposito</span></div><div><span>Nome account</span><span>Vesuvio Ceramiche</span></div>', 'Salesforce');
    expect(readGenericIdentity(document).name).toBeUndefined();
    page('<h1>Dhr. Daan de Vries</h1><div><span>Voornaam</span><span>Daan</span></div>');
    expect(readGenericIdentity(document).name).toBe('Daan de Vries');
  });

  it('takes no localized module name for a person (a page title, a module heading)', () => {
    for (const title of ['Kontakty - Zoho CRM', 'Contatti - Zoho CRM', 'Contactpersonen - Zoho CRM', 'Contatos | Pipedrive', 'Leady - Zoho CRM']) {
      page('<p>nothing here</p>', title);
      expect(readGenericIdentity(document).name, title).toBeUndefined();
    }
    page('<h1>Contatti</h1><h1>Francesca Gallo</h1>');
    expect(readGenericIdentity(document).name).toBe('Francesca Gallo');
  });

  it('reads an input’s label whether it names the input’s id or is wrapped around it', () => {
    page('<p>Leila Haddad</p><div><label for="m">Correo electrónico</label><input id="m" value="leila@cedar.example"></div>');
    expect(readGenericIdentity(document)).toMatchObject({ email: 'leila@cedar.example', labelled: true });
    page('<p>Leila Haddad</p><div><label>Correo electrónico <input value="leila@cedar.example"></label></div>');
    expect(readGenericIdentity(document)).toMatchObject({ email: 'leila@cedar.example', labelled: true });
  });

  it('reads "secondary" and "primary" in more languages, and a primary mark only an icon states', () => {
    for (const label of ['E-mail secundário', 'Adresse e-mail secondaire', 'Secundair e-mailadres', 'Dodatkowy adres e-mail']) {
      page(`<h1>Gustavo Almeida</h1><div><span>${label}</span><a href="mailto:g@home.example">g@home.example</a></div><div><span>E-mail</span><a href="mailto:g@work.example">g@work.example</a></div>`);
      expect(readGenericIdentity(document).email, label).toBe('g@work.example');
    }
    page('<h1>Larissa Rocha</h1><ul><li><a href="mailto:l@home.example">l@home.example</a></li><li><a href="mailto:l@work.example">l@work.example</a> <i role="img" aria-label="Principal"></i></li></ul>');
    expect(readGenericIdentity(document).email).toBe('l@work.example');
    page('<h1>Bram Dekker</h1><ul><li><a href="mailto:b@home.example">b@home.example</a></li><li><a href="mailto:b@work.example">b@work.example</a> <span>Primair</span></li></ul>');
    expect(readGenericIdentity(document).email).toBe('b@work.example');
  });

  it('never takes a billing or invoice address for the person', () => {
    for (const label of ['Billing Email', 'Invoice e-mail', 'Rechnungs-E-Mail', 'E-mail de facturation', 'Email fatturazione', 'Email Penagihan', 'Email tagihan']) {
      page(`<h1>Owen Gallagher</h1><dl><dt>${label}</dt><dd><a href="mailto:invoices@fernwood.example">invoices@fernwood.example</a></dd></dl><p>Head of Purchasing</p><p><a href="mailto:owen@fernwood.example">owen@fernwood.example</a></p>`);
      expect(readGenericIdentity(document).email, label).toBe('owen@fernwood.example');
    }
  });

  it('takes no address from a hover card, a popover, or the linked company’s card', () => {
    for (const region of [
      '<div class="forceHoverPanel" role="dialog" aria-label="Jesper Holm"><span>E-mail</span> <a href="mailto:jesper@vindkraft.example">jesper@vindkraft.example</a></div>',
      '<div class="slds-popover"><span>Email</span> <a href="mailto:jesper@vindkraft.example">jesper@vindkraft.example</a></div>',
      '<section data-testid="organization-block"><h2>Organisation</h2><div><span>Genel e-posta</span><a href="mailto:info@ege.example">info@ege.example</a></div></section>',
      '<div class="company-card"><h3>Ege Tekstil</h3><span>Email</span> <span>info@ege.example</span></div>',
    ]) {
      page(`<h1>Mette Sørensen</h1><div><span>Telefon</span><span>+45 86 12 00 44</span></div>${region}`);
      expect(readGenericIdentity(document), region).toEqual({ name: 'Mette Sørensen' });
    }
  });

  it('takes no owner’s address, labelled in Swedish, Danish, Dutch, Polish, Czech or Turkish', () => {
    for (const label of ['Ägare', 'Ejer', 'Eigenaar', 'Właściciel', 'Vlastník', 'Kayıt sahibi']) {
      page(`<h1>Mette Sørensen</h1><dl><dt>${label}</dt><dd><a href="mailto:jesper@vindkraft.example">jesper@vindkraft.example</a></dd></dl>`);
      expect(readGenericIdentity(document).email, label).toBeUndefined();
    }
  });

  it('reads a value whose own class names it the e-mail as labelled, not by the job title before it', () => {
    page(`<h1>Redwood Outfitters</h1><div class="ContactCard"><div class="ContactCard-name">Kit Moreno</div>
      <div class="ContactCard-title">Owner</div><div class="ContactCard-email">kit@redwood.example</div></div>`);
    expect(readGenericIdentity(document)).toMatchObject({ email: 'kit@redwood.example', labelled: true });
  });

  it('still reads "Secondary Email" before a value whose id names it an e-mail', () => {
    page(`<h1>Lachlan Whitfield</h1><div><span>Secondary Email</span><span id="subvalue_ADDN_EMAIL">lachlan@home.example</span></div>
      <div><span>Email</span><span id="subvalue_EMAIL">lachlan.whitfield@gippsland.example</span></div>`);
    expect(readGenericIdentity(document).email).toBe('lachlan.whitfield@gippsland.example');
  });

  it('names the person by their card’s heading when nothing titles the page, but takes no section heading for a name', () => {
    page(`<main><div class="card"><div class="card-header"><h2>Callum Reid</h2><p>Head of Ops at Tay Logistics</p></div>
      <ul><li><strong>Email:</strong> callum@tay.example</li></ul></div></main>`);
    expect(readGenericIdentity(document)).toEqual(expect.objectContaining({ name: 'Callum Reid', email: 'callum@tay.example' }));
    page(`<main><section><h2>About this contact</h2><ul><li><strong>Email:</strong> callum@tay.example</li></ul></section></main>`);
    expect(readGenericIdentity(document).name).toBeUndefined();
  });

  it('takes no address of whoever referred the lead', () => {
    page(`<h1>Ingrid Solheim</h1><dl><dt>Referred By</dt><dd>Lars Eriksen &lt;lars@bergen.example&gt;</dd></dl>
      <div><button type="button">Send email to ingrid@fjord.example</button></div>`);
    expect(readGenericIdentity(document).email).toBe('ingrid@fjord.example');
  });

  it('leaves the object’s label in the title out of the name', () => {
    page(`<h1><span class="slds-page-header__title-label">Contact</span><span class="slds-page-header__title">Siobhan O'Brien</span></h1>`);
    expect(readGenericIdentity(document).name).toBe("Siobhan O'Brien");
    page(`<h1><div class="entityNameTitle">Lead</div><span>Tomás Ribeiro</span></h1>`);
    expect(readGenericIdentity(document).name).toBe('Tomás Ribeiro');
  });
  it('takes no address from a section whose heading says it is a timeline, history, related records or the company, whatever its class names', () => {
    for (const heading of ['Activity History', 'Aktivitäten', 'Historique', 'Actividad', 'Tijdlijn', 'Chronologie', 'Related contacts', 'Organisation', 'Accounts (1)', 'Empresa']) {
      // Hashed class names, as CSS-in-JS writes them, say nothing: only the heading tells the sections apart.
      page(`<h1>Mette Sørensen</h1><div class="css-1k2j3"><span>Telefon</span><span>+45 86 12 00 44</span></div>
        <div class="css-9x8y"><div class="css-a1"><h3>${heading}</h3></div><div class="css-b2"><p><a href="mailto:lars@aarhus.example">lars@aarhus.example</a></p></div></div>`);
      expect(readGenericIdentity(document).email, heading).toBeUndefined();
    }
  });

  it('judges an address by the nearest heading before it, where one wrapper holds several headed parts', () => {
    page(`<h1>Mette Sørensen</h1><section><h3>Company</h3><p>General email</p><p>info@vindkraft.example</p>
      <h3>Contact information</h3><p>Email</p><p>mette@vindkraft.example</p><h3>Activity</h3><p>Email</p><p>lars@aarhus.example</p></section>`);
    expect(readGenericIdentity(document).email).toBe('mette@vindkraft.example');
  });

  it('takes no address a message or a sentence quotes', () => {
    for (const quote of [
      '<div>From: Diane Ross &lt;diane@tidewater.example&gt;</div>',
      '<p>Bridget is comparing our pricing with their current supplier, Northstar Roofing Supply (orders@northstar.example). She asked for a callback.</p>',
    ]) {
      page(`<h1>Bridget Nwosu</h1><div class="x1">${quote}</div>`);
      expect(readGenericIdentity(document).email, quote).toBeUndefined();
    }
    page('<h1>Bridget Nwosu</h1><p>Email: bridget@kestrel.example (work)</p>');
    expect(readGenericIdentity(document).email).toBe('bridget@kestrel.example');
  });

  it('takes no address from a section its own heading names as the company, however deep the address sits', () => {
    page(`<h1>Nerea Etxeberria</h1><section aria-labelledby="o1"><h2 id="o1">Organización</h2><a href="/organization/2240">Txakoli Getaria</a>
      <h3>Personas de esta organización (2)</h3><ul><li><a href="/person/3319">Iñaki Zubiaurre</a> <span>inaki@txakoli.example</span></li></ul></section>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('takes no address a message header labels in its own text ("Van:", "From:"), and reads "Email:" there as a label', () => {
    for (const header of ['Van:', 'From:', 'Para:', 'Cc:']) {
      page(`<h1>Maarten de Wit</h1><div class="x1"><div>Onderwerp: Offerte</div><div>${header} thijs@delta.example</div></div>`);
      expect(readGenericIdentity(document).email, header).toBeUndefined();
    }
    // An inline label is the field's own: the job title before it is another field's value, not the address's label.
    page('<h1>Rosa Delgado</h1><div>Practice Manager</div><div>Email: rosa@brightline.example</div><div><a href="mailto:team@brightline.example">team@brightline.example</a></div>');
    expect(readGenericIdentity(document)).toMatchObject({ email: 'rosa@brightline.example', labelled: true });
  });

  it('takes the name a title’s tooltip gives where the title goes on with a status', () => {
    page('<h1 class="x1" title="Maarten de Wit">Maarten de Wit<span class="x2">- Opgeslagen</span></h1>');
    expect(readGenericIdentity(document).name).toBe('Maarten de Wit');
    // A tooltip that is not the start of the title is no name.
    page('<h1 title="Click to edit">Maarten de Wit</h1>');
    expect(readGenericIdentity(document).name).toBe('Maarten de Wit');
  });

  it('takes no address from the page’s banner (a header outside any section), but reads a section’s own header', () => {
    page(`<header><a href="/home">HubSpot</a><div><span>Ben Carter</span><span>ben.carter@northwind.example</span></div></header>
      <main><h1>Anna van der Berg</h1><p>Dentist</p></main>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
    page(`<main><article><header><h2>Anna van der Berg</h2><a href="mailto:anna@vanderberg.example">anna@vanderberg.example</a></header></article></main>`);
    expect(readGenericIdentity(document).email).toBe('anna@vanderberg.example');
    page(`<header><h1>Anna van der Berg</h1><a href="mailto:anna@vanderberg.example">anna@vanderberg.example</a></header>`);
    expect(readGenericIdentity(document).email).toBe('anna@vanderberg.example');
  });

  it('reads a disclosure’s summary as its heading: no address from the company’s or the participants’ part', () => {
    for (const summary of ['Organisation', 'Teilnehmer (3)', 'Participants', 'People (2)']) {
      page(`<h1>Wolfgang Brandt</h1><aside><details open><summary>Person</summary><a href="/person/7742">Wolfgang Brandt</a><span>Telefon</span><span>+49 6721 555 0188</span></details>
        <details open><summary>${summary}</summary><div class="_1pQmL"><span>Allgemeine E-Mail</span><span>info@rheinfels.example</span></div></details></aside>`);
      expect(readGenericIdentity(document).email, summary).toBeUndefined();
    }
  });

  it('lets a card’s heading speak only for the card: the address after it is judged on its own', () => {
    page(`<h1>Lorenzo Bruno</h1><div class="x1"><div class="x2"><h3>Azienda</h3><a href="/object/company/1">Bruno Ottica</a>
      <div class="x3"><h4>Persone</h4><a href="mailto:giada@bruno-ottica.example">giada@bruno-ottica.example</a></div></div>
      <div class="x4"><span>Email</span><a href="mailto:lorenzo@bruno-ottica.example">lorenzo@bruno-ottica.example</a></div></div>`);
    expect(readGenericIdentity(document).email).toBe('lorenzo@bruno-ottica.example');
  });

  it('takes no address a message header labels in the element just before it', () => {
    page('<h1>Wolfgang Brandt</h1><article><h3>Angebot Kühlzelle 3</h3><div><span>An:</span> sabine@nordkaelte.example</div></article>');
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('takes no address from another record’s preview panel', () => {
    page(`<h1>Lars Øberg</h1><div class="private-panel" role="dialog" aria-labelledby="p" data-selenium-test="record-preview-panel">
      <h2 id="p">Ingrid Halvorsen</h2><label>Email</label><span>ingrid@tromso-fisk.example</span></div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('takes no address from an insights panel or a followers list', () => {
    for (const region of [
      '<section class="x1"><h3>Email insights</h3><p>from kristin@fjellbygg.example to erik@novaterra.example</p></section>',
      '<section class="x1"><h3>Followers</h3><ul><li>Sofie Jensen <span>sofie@harbourlights.example</span></li></ul></section>',
    ]) {
      page(`<h1>Tobias Lindqvist</h1><div><span>Phone</span><span>+46 8 555 0123</span></div>${region}`);
      expect(readGenericIdentity(document).email, region).toBeUndefined();
    }
  });

  it('takes no address from the record\'s connections, however the section says so', () => {
    for (const region of [
      '<section class="x1"><h4>Connections</h4><div><a href="/contacts/402219801277">Funmilayo Adeyemi</a> · Procurement · funmi@lekki.example</div></section>',
      '<div class="widget connections"><div><a href="/contacts/402219801277">Funmilayo Adeyemi</a> funmi@lekki.example</div></div>',
      '<section class="x1"><h4>Conexiones (1)</h4><p>Funmilayo Adeyemi · funmi@lekki.example</p></section>',
      '<section class="x1"><h4>Verbindungen</h4><p>Funmilayo Adeyemi · funmi@lekki.example</p></section>',
    ]) {
      page(`<h3>Babatunde Adeyemi</h3><div><span>Mobile</span><span>+234 803 555 0147</span></div>${region}`);
      expect(readGenericIdentity(document).email, region).toBeUndefined();
    }
  });

  it('takes no unlabelled address when the person\'s own e-mail field is shown empty or offers to add one', () => {
    const others = '<div><span>Referred by</span><a href="/person/4410">Marina Costa</a></div><div class="x2">Marina Costa · <a href="mailto:marina@costa.example">marina@costa.example</a></div>';
    for (const own of [
      '<div><span class="lbl">E-mail</span><span class="val">—</span></div>',
      '<dl><dt>Email</dt><dd><button>Click to add</button></dd></dl>',
      '<div class="card"><strong>João Albuquerque</strong><button>Add email</button></div>',
      // The products' translations put the verb after the noun, or before it with an article.
      '<div><span class="lbl">E-Mail</span><button aria-label="E-Mail hinzufügen">+ E-Mail hinzufügen</button></div>',
      '<div><span class="lbl">E-mail</span><button>E-mail toevoegen</button></div>',
      '<div><span class="lbl">E-mail</span><button>Ajouter un e-mail</button></div>',
      '<div><span class="lbl">Correo</span><button>Añadir correo</button></div>',
    ]) {
      page(`<h1>João Albuquerque</h1>${own}${others}`);
      expect(readGenericIdentity(document).email, own).toBeUndefined();
    }
    // A field labelled as an e-mail field still counts; an empty secondary field, a composer's
    // "Email" button beside "Call", and an empty edit input say nothing about the person's address.
    page(`<h1>João Albuquerque</h1><div><span class="lbl">E-mail</span><span class="val">—</span></div><div><span class="lbl">Personal email</span><span class="val"><a href="mailto:joao@serra.example">joao@serra.example</a></span></div>`);
    expect(readGenericIdentity(document).email).toBe('joao@serra.example');
    // An action adding one more address, beside its own field's words, says nothing of the person's own.
    page(`<h1>Joris van Leeuwen</h1><div class="property"><label>E-mailadres</label><div class="value">joris@polderwarmte.example</div></div><div class="property"><label>Aanvullende e-mailadressen</label><div class="value">--</div><button type="button">+ E-mailadres toevoegen</button></div>`);
    expect(readGenericIdentity(document).email).toBe('joris@polderwarmte.example');
    for (const unrelated of [
      '<div><span class="lbl">Secondary email</span><span class="val">—</span></div>',
      '<div><span class="lbl">Email Opt Out</span><span class="val">No</span></div><div><span class="lbl">Last email</span><span class="val">—</span></div>',
      '<div class="bar"><span class="act">Email</span><span class="act">Call</span></div>',
      '<div><label for="e">Email</label><input id="e" type="email" value=""></div>',
    ]) {
      page(`<h1>João Albuquerque</h1><p><a href="mailto:joao@serra.example">joao@serra.example</a></p>${unrelated}`);
      expect(readGenericIdentity(document).email, unrelated).toBe('joao@serra.example');
    }
  });

  it('takes no account\'s general address, and an address the tab title names the record by when the page shows none', () => {
    for (const inbox of ['<div>Allgemeine E-Mail: info@kessler.example</div>', '<div>E-mail generale: info@kessler.example</div>', '<div class="account-widget"><h4>Kessler</h4><div>E-mail: info@kessler.example</div></div>']) {
      page(`<h1>Sabine Kessler</h1><div><span>Phone</span><span>+49 6531 555 200</span></div>${inbox}`);
      expect(readGenericIdentity(document).email, inbox).toBeUndefined();
    }
    page('<h3>Gwenaëlle Le Goff</h3><div><span>Mobile</span><span>+33 6 55 01 22 33</span></div>');
    document.title = 'Contact : Gwenaëlle Le Goff (Gwenaelle.LeGoff@cidre.example) : Freshsales';
    expect(readGenericIdentity(document).email).toBe('gwenaelle.legoff@cidre.example');
  });

  it('takes none of the addresses labelled as someone else\'s e-mail field, nor a labelled one beside the person\'s empty field', () => {
    for (const field of ['Nødkontakt e-post', 'Emergency contact email', 'Notfallkontakt E-Mail', 'Verge e-post', 'Guardian email', 'Temsilci E-postası']) {
      page(`<h1>Ola Nordmann</h1><div><span class="lbl">Telefon</span><span class="val">+47 555 01 234</span></div><div><span class="lbl">${field}</span><span class="val"><a href="mailto:astrid@vossnett.example">astrid@vossnett.example</a></span></div>`);
      expect(readGenericIdentity(document).email, field).toBeUndefined();
    }
    // The person's own field empty (in Turkish, Japanese): another e-mail field's address is not theirs; a second address of theirs is.
    for (const own of ['<td class="lbl">E-posta</td><td class="val">Yok</td>', '<td class="lbl">メール</td><td class="val"><span aria-label="empty">—</span></td>']) {
      page(`<h1>Emre Yıldırım</h1><table><tr>${own}</tr><tr><td class="lbl">Ofis e-postası</td><td class="val">ofis@egeyag.example</td></tr></table>`);
      expect(readGenericIdentity(document).email, own).toBeUndefined();
      page(`<h1>Emre Yıldırım</h1><table><tr>${own}</tr><tr><td class="lbl">Email 2</td><td class="val">emre@egeyag.example</td></tr></table>`);
      expect(readGenericIdentity(document).email, own).toBe('emre@egeyag.example');
    }
  });

  it('takes no address from a line that names someone else before it, and one that names the person', () => {
    for (const line of ['Requester: Rhian Price (rhian@morganprice.example)', 'Colleague at Puget Sound Grocers: Dana Whitfield · dana@puget.example']) {
      page(`<h1>Gethin Morgan</h1><div><span>Phone</span><span>+44 1970 555 013</span></div><section><div>${line}</div></section>`);
      expect(readGenericIdentity(document).email, line).toBeUndefined();
    }
    page('<h1>Gethin Morgan</h1><div>Gethin Morgan · gethin@gwyrdd.example</div><div aria-label="Send Email to Gethin Morgan: gethin@gwyrdd.example">✉</div>');
    expect(readGenericIdentity(document).email).toBe('gethin@gwyrdd.example');
  });

  it('takes the address whose "Mark as primary" radio is checked, wherever it is listed', () => {
    const row = (email: string, checked: boolean) =>
      `<div><input type="email" value="${email}" aria-labelledby="emails"><input type="radio" name="primary" title="Mark as primary"${checked ? ' checked' : ''}></div>`;
    page(`<h1>Zuzana Horváthová</h1><div role="group"><div id="emails">Emails</div>${row('z.h@liptov.example', false)}${row('zuzka@posta.example', false)}${row('zuzana@horvath.example', true)}</div>`);
    expect(readGenericIdentity(document).email).toBe('zuzana@horvath.example');
  });

  it('takes the address whose "Primary" radio, in a label of its own, is checked: the unchecked rows’ labels flag nothing', () => {
    const row = (email: string, checked: boolean) =>
      `<div><input type="text" aria-label="Email" value="${email}"><label><input type="radio" name="primary"${checked ? ' checked' : ''}> Primary</label></div>`;
    page(`<h1>Henrike Vogel</h1><div><span id="l">Email</span><div role="group" aria-labelledby="l">${row('henrike.vogel@posteo.example', false)}${row('h.vogel@vogel-schiffstechnik.example', true)}${row('einkauf@vogel-schiffstechnik.example', false)}</div></div>`);
    expect(readGenericIdentity(document).email).toBe('h.vogel@vogel-schiffstechnik.example');
  });

  it('takes no address from the options of a list beside the record that are not the chosen one (a split view)', () => {
    const item = (name: string, email: string, selected: boolean) => `<li><a href="/r/${name}" role="option" aria-selected="${selected}"><span>${name}</span><span>${email}</span></a></li>`;
    const list = `<ul role="listbox">${item('Abena Quartey', 'abena@harbourvine.example', false)}${item('Leontine Varga', 'leontine@cobalt.example', true)}</ul>`;
    // The record's details not rendered yet: only the chosen option is the record.
    page(`<title>Leontine Varga | Salesforce</title>${list}<main><h1>Leontine Varga</h1></main>`);
    expect(readGenericIdentity(document).email).toBe('leontine@cobalt.example');
    // The e-mail field's own list of addresses, open for editing, is the person's: none is "chosen".
    const field = `<ul role="listbox" aria-label="Emails">${item('Primary', 'leontine@cobalt.example', false)}</ul>`;
    page(`<main><h1>Leontine Varga</h1><p>Owner: dev.k@indus.example</p><div><span>Emails</span>${field}</div></main>`);
    expect(readGenericIdentity(document).email).toBe('leontine@cobalt.example');
  });

  it('takes no sender or copied recipient from a message’s line written without colons', () => {
    page(`<main><div role="heading">Bronwen Tallis</div><div><strong>Email</strong> · Revised drawings</div>
      <div>From owen@tidewater.example to bronwen@tallis.example, cc rhodri@tallis.example</div>
      <div><span>Work</span><a href="mailto:bronwen@tallis.example">bronwen@tallis.example</a></div></main>`);
    expect(readGenericIdentity(document).email).toBe('bronwen@tallis.example');
  });

  it('takes no address from the signed-in user’s profile marked only by a test tool’s attribute (a release with hashed classes)', () => {
    page(`<main><div role="heading">Chiara Valentini</div></main><div class="_pM3fw" role="dialog" data-cy="user-profile"><div>Luca Ferri</div><div>luca.ferri@verdi.example</div></div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('takes no address from what another browser extension puts on the page over the record (the largest z-index, inline)', () => {
    const sidebar = `<div style="position: fixed; right: 0; z-index: 2147483647"><div role="complementary"><b>Nikola Petrović</b><div>nikola@dunav.example</div></div></div>`;
    // The record's own details not rendered yet: nothing of the person's is on the page.
    page(`<main><h1>Dunavski Mlinovi</h1></main>${sidebar}`);
    expect(readGenericIdentity(document).email).toBeUndefined();
    page(`<main><h1>Teodora Ilić</h1><div><span>Email</span><a href="mailto:teodora@dunav.example">teodora@dunav.example</a></div></main>${sidebar}`);
    expect(readGenericIdentity(document).email).toBe('teodora@dunav.example');
  });

  it('reads the name Lightning’s highlights panel slots into its title, inside a component’s own shadow root', () => {
    page(`<records-highlights2><lightning-formatted-name slot="primaryField"></lightning-formatted-name></records-highlights2>
      <section><h3>Lead-Informationen</h3><div><span>E-Mail</span><a href="mailto:jana@lahn.example">jana@lahn.example</a></div></section>`);
    const panel = document.querySelector('records-highlights2')!;
    panel.attachShadow({ mode: 'open' }).innerHTML = '<h1><div class="entityNameTitle">Lead</div><slot name="primaryField"></slot></h1>';
    document.querySelector('lightning-formatted-name')!.attachShadow({ mode: 'open' }).textContent = 'Frau Jana Kowalski';
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Jana Kowalski', email: 'jana@lahn.example' });
  });

  it('reads a value slotted into a field component as labelled by the label the component keeps in its shadow root', () => {
    page('<h1>Beatrix Okonedo</h1><c-record-field><span slot="value"><a href="mailto:beatrix@quarry.example">beatrix@quarry.example</a></span></c-record-field>');
    document.querySelector('c-record-field')!.attachShadow({ mode: 'open' }).innerHTML = '<div><label>Email</label><div><slot name="value"></slot></div></div>';
    expect(readGenericIdentity(document)).toMatchObject({ email: 'beatrix@quarry.example', labelled: true });
  });

  it('takes a heading "Email" over a list of messages, beside its "Compose" button, for no empty e-mail field', () => {
    page(`<h1>Chiara Benedetti</h1><div><div>Email</div><div><a href="mailto:chiara@valdarno.example">chiara@valdarno.example</a></div></div>
      <section><h3><span>Email</span><lyte-button>Componi email</lyte-button></h3><p>No messages yet</p></section>`);
    expect(readGenericIdentity(document).email).toBe('chiara@valdarno.example');
  });

  it('takes no address whose own element follows a text naming someone else ("Priya Natarajan <span>priya@…</span>")', () => {
    page(`<h1>Gwyrdd Farms</h1><dl><dt>Account Manager</dt><dd>Priya Natarajan <span class="email-value">priya@orchard-sales.example</span></dd></dl>
      <section><h2>Contacts</h2><div><h3>Gethin Morgan</h3><ul><li><a href="mailto:gethin@gwyrdd.example">gethin@gwyrdd.example</a></li></ul></div></section>`);
    expect(readGenericIdentity(document).email).toBe('gethin@gwyrdd.example');
    // The person's own name before it is no one else's.
    page('<h1>Gethin Morgan</h1><dl><dt>Contact</dt><dd>Gethin Morgan <span>gethin@gwyrdd.example</span></dd></dl>');
    expect(readGenericIdentity(document).email).toBe('gethin@gwyrdd.example');
  });

  it('takes the name from a field named "Name" for assistive technology, and no tab’s section heading for one', () => {
    page(`<main><div class="x1" role="textbox" aria-label="Name"><span>Amara</span> <span>Okafor</span></div>
      <div><span>Email</span><a href="mailto:amara@lagoon.example">amara@lagoon.example</a></div><section><h3>Inbox</h3><p>No messages yet</p></section></main>`);
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Amara Okafor', email: 'amara@lagoon.example' });
    expect(tidyName('Inbox')).toBeUndefined();
  });

  it('reads the e-mail field’s label in Cyrillic, Greek, Arabic, Persian, Hebrew, Devanagari, Thai, Korean and Japanese script, and in Catalan and Vietnamese', () => {
    const labels = ['Эл. почта', 'Адрес электронной почты', 'Ел. пошта', 'Ηλεκτρονικό ταχυδρομείο', 'البريد الإلكتروني', 'ایمیل', 'דוא"ל', 'דואר אלקטרוני', 'ईमेल', 'อีเมล', 'Correu electrònic', 'Thư điện tử'];
    // Korean and Japanese, whose syllables and voiced kana decompose: their labels are matched whole.
    labels.push('이메일', 'メールアドレス', 'Eメール');
    for (const label of labels) {
      // The owner's address comes first and says nothing of whose it is; the labelled one is the person's.
      page(`<h1>Ana Lima</h1><p>dev.k@indus.example</p><div><span>${label}</span><span>ana.lima@tejo.example</span></div>`);
      expect(readGenericIdentity(document), label).toMatchObject({ email: 'ana.lima@tejo.example', labelled: true });
      // The same field shown empty: the other address on the page is not the person's.
      page(`<h1>Ana Lima</h1><p>dev.k@indus.example</p><div><label>${label}</label><span>—</span></div>`);
      expect(readGenericIdentity(document).email, label).toBeUndefined();
    }
    // A postal address's label is not an e-mail's.
    page(`<h1>Ana Lima</h1><p>a.lima@tejo.example</p><div><label>Почтовый адрес</label><span>—</span></div>`);
    expect(readGenericIdentity(document).email).toBe('a.lima@tejo.example');
  });

  it('reads an e-mail label a label component renders in its shadow root, and the empty value after the component', () => {
    page(`<h1>박 지훈</h1><aside><div>seoyeon.yoon@hanbit.example</div></aside>
      <div class="field"><fw-label></fw-label><div class="field-value">설정 안 됨</div></div>`);
    document.querySelector('fw-label')!.attachShadow({ mode: 'open' }).innerHTML = '<span class="label">이메일</span>';
    expect(readGenericIdentity(document).email).toBeUndefined();
    page(`<h1>Ana Lima</h1><p>dev.k@indus.example</p><div class="field"><div class="label"><span>Email</span></div><div class="value">—</div></div>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('reads a title’s parts in elements side by side as words, and leaves markup inside a word alone', () => {
    for (const title of ['<h1 style="display:flex;gap:.25em"><span>Maria</span><span>Schmidt</span></h1>', '<h1><div>Maria</div><div>Schmidt</div></h1>', '<h1><span>Maria</span> <span>Schmidt</span></h1>']) {
      page(`${title}<p>maria@schmidt.example</p>`);
      expect(readGenericIdentity(document).name, title).toBe('Maria Schmidt');
    }
    page("<h1>Aoife O<b>'</b>Brien</h1>");
    expect(readGenericIdentity(document).name).toBe("Aoife O'Brien");
  });

  it('reads a name field’s typed value beside a salutation’s select (Zoho’s edit page)', () => {
    page(`<h1>Kontakt bearbeiten</h1><div><label for="f">Vorname</label><div><select aria-label="Anrede"><option>-Keine-</option><option selected>Herr</option></select><input id="f" value="Ludwig"></div></div>
      <div><label for="l">Nachname</label><input id="l" value="van den Heuvel"></div>`);
    expect(readGenericIdentity(document).name).toBe('Ludwig van den Heuvel');
  });

  it('takes no action on a record for its person’s name ("Edit Contact"), and the name from the fields', () => {
    page(`<h1>Edit Contact</h1><input aria-label="First Name" value="Harriet"><input aria-label="Last Name" value="Blackwood">
      <label>Email <input type="email" value="harriet@derwent.example"></label>`);
    expect(readGenericIdentity(document)).toMatchObject({ name: 'Harriet Blackwood', email: 'harriet@derwent.example' });
    for (const title of ['New Lead', 'Create contact', 'Neuer Kontakt', 'Nuevo contacto', 'Modifier contact', 'Kontakt bearbeiten', 'Contact bewerken', 'Modifica Contatto', 'Nuovo contatto', 'Nieuw contactpersoon', 'Contactpersoon bewerken', 'Novo contato', 'Criar lead', 'Recently Viewed', 'All Contacts', 'My Leads', 'Name', 'Full Name', 'Contact Information', 'Address Information']) {
      page(`<h1>${title}</h1>`, `${title} | Zoho CRM`);
      expect(readGenericIdentity(document).name, title).toBeUndefined();
    }
  });

  it('takes no address from a preview of another record or from the organisation’s card, whatever their class names', () => {
    page(`<h1>Tobias Fairweather</h1>
      <aside class="preview-sidebar" aria-label="Contact preview"><h2>Niamh Corrigan</h2><div><div>Email</div><div>niamh@kestrel.example</div></div></aside>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
    page(`<h1>Gareth Llewellyn</h1><section class="org-card"><h2>Cambrian Slate Co.</h2><div>sales@cambrian.example</div></section>`);
    expect(readGenericIdentity(document).email).toBeUndefined();
  });

  it('takes the address the CRM marks preferred over the first, even where its type is "Personal" and the mark a tag component', () => {
    page(`<h1>Leilani Kahale</h1><ul>
      <li><a href="mailto:l.kahale@roasters.example">l.kahale@roasters.example</a> <span>Work</span></li>
      <li><a href="mailto:leilani@pualani.example">leilani@pualani.example</a> <span>Personal</span> <fw-tag></fw-tag></li></ul>`);
    document.querySelector('fw-tag')!.attachShadow({ mode: 'open' }).innerHTML = '<span class="tag">Preferred</span>';
    expect(readGenericIdentity(document).email).toBe('leilani@pualani.example');
  });

  it('reads a contact-preferences toggle labelled as the e-mail field ("Email: Allow") as no empty field', () => {
    page(`<h1>Nikos Papadopoulos</h1>
      <div><a href="mailto:nikos@aegean.example">nikos@aegean.example</a></div>
      <section aria-label="Contact Preferences"><div><label>Email</label><span>Allow</span></div></section>
      <section data-id="CONTACT_PREFERENCES_el"><div><label>Ηλεκτρονικό ταχυδρομείο</label><span>Να επιτρέπεται</span></div></section>`);
    expect(readGenericIdentity(document).email).toBe('nikos@aegean.example');
  });

  it('takes no address from a field that says it is no longer theirs ("Old email", "Previous Email", "Ehemalige E-Mail")', () => {
    for (const label of ['Old email', 'Former email', 'Previous Email', 'Ehemalige E-Mail', 'Ancien e-mail', 'Correo anterior']) {
      page(`<h1>Hamish Dunnachie</h1>
        <section><h2>Contact</h2><div class="item"><a href="mailto:hamish@joinery.example">hamish@joinery.example</a> <span class="type">Work</span></div></section>
        <section><h2>Details</h2><div class="field"><span class="label">${label}</span><span>hamish.dunnachie@braeside.example</span></div></section>`);
      expect(readGenericIdentity(document).email, label).toBe('hamish@joinery.example');
    }
    // An alternate address is still theirs.
    page(`<h1>Hamish Dunnachie</h1><div class="field"><span class="label">Alt email</span><span>hamish.dunnachie@braeside.example</span></div>`);
    expect(readGenericIdentity(document).email).toBe('hamish.dunnachie@braeside.example');
  });

  it('reads a consent value under an "Email" label as no empty field where the section title is beside it, not around it', () => {
    for (const value of ['Allow', 'Do Not Allow', 'Nicht zulassen', 'Não permitir']) {
      page(`<h1>Eilidh Carmichael</h1>
        <table><tr><td class="field-label"><label for="emailaddress1">Email</label></td><td class="field-value"><span id="emailaddress1">eilidh@glenisla.example</span></td></tr></table>
        <div class="section-title">Communication</div>
        <table><tr><td class="field-label">Email</td><td class="field-value">${value}</td></tr><tr><td class="field-label">Phone</td><td class="field-value">Allow</td></tr></table>`);
      expect(readGenericIdentity(document).email).toBe('eilidh@glenisla.example');
    }
  });

  it('reads the address a link to the e-mail composer shows, labelled by an icon for assistive technology only', () => {
    // HubSpot's highlight card: "✉" named "Eメール", then the address as the link that opens the composer.
    page(
      '<h1>大西 涼子</h1><div class="email-line"><span role="img" aria-label="Eメール">✉</span><a href="#" data-test-id="open-email-composer">r.onishi@yodogawa.example</a></div>' +
        '<div class="email-composer"><span>To</span><span title="k.matsuda@yodogawa.example">松田 健</span></div>',
    );
    expect(readGenericIdentity(document).email).toBe('r.onishi@yodogawa.example');
  });

  it('takes no address from an assistant’s panel, similar or duplicate records, or the notifications', () => {
    for (const region of [
      '<aside class="ziaPanel" aria-label="Zia"><h3>相似潜在客户</h3><ul><li>刘洋 · liu.yang@wuxi.example</li></ul></aside>',
      '<div class="copilot-pane"><p>Liu Yang (liu.yang@wuxi.example) asked about pricing</p></div>',
      '<section aria-label="AI assistant"><a href="mailto:liu.yang@wuxi.example">Liu Yang</a></section>',
      '<article class="potentialDuplicates"><a href="mailto:liu.yang@wuxi.example">liu.yang@wuxi.example</a></article>',
      '<div class="notification-list" role="dialog"><ul><li>New web-form lead: liu.yang@wuxi.example</li></ul></div>',
      // An older record of the same person, matched or archived: the address they had then.
      '<article class="slds-card" aria-label="Returning Customer"><h2>Returning customer</h2><table><tr><th>Email</th><td>liu.yang@wuxi.example</td></tr></table></article>',
      '<section class="archived-record"><dl><dt>Email</dt><dd>liu.yang@wuxi.example</dd></dl></section>',
      // An e-mail composer docked over the record: its recipients, not the record's field.
      '<div class="forceDockingPanel DOCKED" role="dialog" aria-label="Email"><span class="slds-pill" title="liu.yang@wuxi.example">Liu Yang</span></div>',
      '<div class="email-composer"><span>To</span><span title="liu.yang@wuxi.example">Liu Yang</span></div>',
      // Other browser extensions' prospecting panels, named by their id, label or custom element's tag.
      '<div id="apollo-extension-root"><ul><li>Liu Yang · liu.yang@wuxi.example · Verified</li></ul></div>',
      '<hunter-ext-card><div class="h" role="region" aria-label="Hunter"><p>liu.yang@wuxi.example</p></div></hunter-ext-card>',
      '<div class="w" aria-label="ContactOut"><a href="mailto:liu.yang@wuxi.example">liu.yang@wuxi.example</a></div>',
      // Connections and the timeline, labelled in Russian.
      '<section aria-label="Связи"><table><tr><td>Лю Ян</td><td>liu.yang@wuxi.example</td></tr></table></section>',
      '<section aria-label="Временная шкала"><div>Копия: liu.yang@wuxi.example</div></section>',
    ]) {
      page(`<h1>陈 静</h1><div><span>电话</span><span>+86 512 5555 0133</span></div>${region}`);
      expect(readGenericIdentity(document).email, region).toBeUndefined();
    }
  });

  it("takes no address from the product's own news, a cookie dialog, a banner or toast, or an enrichment app's suggestion", () => {
    for (const region of [
      '<div class="HW_frame_cont" role="dialog" aria-label="What\'s new"><p>Tell me at <a href="mailto:sophie@vendor.example">sophie@vendor.example</a></p></div>',
      '<div class="cookieDialog" role="dialog" aria-labelledby="c"><h2 id="c">Manage preferences</h2><p>Write to <a href="mailto:privacy@vendor.example">privacy@vendor.example</a></p></div>',
      '<section class="forceInAppGuidancePrompt"><p>Ask the CRM team: <a href="mailto:crm-team@tiles.example">crm-team@tiles.example</a></p></section>',
      '<div class="card" aria-label="Getting started"><ul><li>Connect your email: kwame@coffee.example</li></ul></div>',
      '<div role="status">You have been signed back in as hattie@candles.example</div>',
      '<div role="alert">Sync lost with mailbox ximena@sensors.example</div>',
      '<section data-test-id="freddy-profile-enrichment"><h3>Suggested email</h3><p>lorcan.fitzmaurice@dairy.example</p></section>',
      '<div class="rl" id="rl_Lusha"><table><tr><th>Email</th></tr><tr><td>lorcan@gmail.example</td></tr></table></div>',
    ]) {
      // The record's own details still loading: no name to judge an address by.
      page(`<div><span>Phone</span><span>+353 1 555 0142</span></div>${region}`);
      expect(readGenericIdentity(document).email, region).toBeUndefined();
    }
    // A record opened in a dialog is still read.
    page(`<div role="dialog" aria-labelledby="t"><h1 id="t">Lorcan Fitzmaurice</h1><div><span>Email</span><span>lorcan@creameries.example</span></div></div>`);
    expect(readGenericIdentity(document).email).toBe('lorcan@creameries.example');
  });

  it('takes a button beside the e-mail label ("Details", the field’s history) for no empty value', () => {
    page(`<h1>Soizic Tanguy</h1><div><div class="label"><span>E-mail</span><button type="button" aria-expanded="true">Détails</button></div>
      <div><a href="mailto:soizic@ker-avel.example">soizic@ker-avel.example</a></div></div>`);
    expect(readGenericIdentity(document).email).toBe('soizic@ker-avel.example');
  });

  it('takes the word "Email" before a field’s edit button for that field’s value, not an empty e-mail field', () => {
    const row = (label: string, value: string) => `<div><span>${label}</span><span>${value}</span><button type="button" aria-label="Edit ${label}">✎</button></div>`;
    page(`<h1>Graziela Ferraz</h1>${row('Email', '<a href="mailto:graziela@ribatejo.example">graziela@ribatejo.example</a>')}${row('Preferred channel', 'Email')}`);
    expect(readGenericIdentity(document).email).toBe('graziela@ribatejo.example');
  });

  it('counts the e-mail field’s own label in the plural ("Emails", Twenty’s) above another labelled field before it', () => {
    const field = (label: string, address: string) => `<div><span>${label}</span><div><a href="mailto:${address}">${address}</a></div></div>`;
    page(`<h1>Ottilie Brask</h1>${'<p>…</p>'.repeat(30)}${field('Cold Store Alerts Email', 'frostlager@fjordhavn.example')}${field('Emails', 'ottilie@fjordhavn.example')}`);
    expect(readGenericIdentity(document).email).toBe('ottilie@fjordhavn.example');
  });

  it('takes "Co-owner" above a contact’s address for their job title, not an owner field', () => {
    for (const title of ['Co-owner', 'Co-Owner', 'Mitinhaberin']) {
      page(`<h1>Hollowmere Apiaries</h1><div><div>Tamsin Pengelly</div><div>${title}</div><ul><li><a href="mailto:tamsin@hollowmere.example">tamsin@hollowmere.example</a> <span>office</span></li></ul></div>`);
      expect(readGenericIdentity(document, false).email, title).toBe('tamsin@hollowmere.example');
    }
  });

  it('reads a title that says it is the name, set as one inline-edit button per part, as the name', () => {
    page(`<h1 class="record-name"><button type="button">Benedikt</button><button type="button">Aschauer</button></h1>
      <div><span>Email</span><span>benedikt@alpenglas.example</span></div>`);
    expect(readGenericIdentity(document).name).toBe('Benedikt Aschauer');
  });

  it('reads a tag component’s flag ("Primary") past the style sheet in its shadow root', () => {
    page(`<h1>Siobhán Kavanagh</h1><div><span>Emails</span><div>
      <div><a href="mailto:shiv.k@fastmail.example">shiv.k@fastmail.example</a></div>
      <div><a href="mailto:office@quayside.example">office@quayside.example</a><fw-tag></fw-tag></div></div></div>`);
    const root = document.querySelector('fw-tag')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<style>span{background:#e0f5f1;color:#00795b;border-radius:4px;padding:0 6px;font-size:12px}</style><span class="tag">Primary</span>';
    expect(readGenericIdentity(document).email).toBe('office@quayside.example');
  });
});

describe('tidyName', () => {
  it('takes an import’s placeholders and a section’s title for no name, and drops the dash an import leaves for a missing last name', () => {
    for (const text of ['[[unknown]]', '[not provided]', 'Unknown', 'Contact Details', 'Lead Summary', 'Donor details']) expect(tidyName(text), text).toBeUndefined();
    expect(tidyName('Folasade -')).toBe('Folasade');
    expect(tidyName('Anna-Lena Voss')).toBe('Anna-Lena Voss');
    // A title after a spaced middle dot or bullet is no part of the name; a Catalan l·l is.
    expect(tidyName('Isadora Penhallow · Survey Operations Lead')).toBe('Isadora Penhallow');
    expect(tidyName('Marc Soler • CFO')).toBe('Marc Soler');
    expect(tidyName('Núria Gal·la')).toBe('Núria Gal·la');
  });

  it('turns a name shown family name first into given name first, and leaves suffixes and companies alone', () => {
    expect(tidyName('Svoboda, Petr')).toBe('Petr Svoboda');
    // Emoji a web form's visitor typed around their name, a ZWJ sequence too.
    expect(tidyName('✨ Tamsin Rowe ✨')).toBe('Tamsin Rowe');
    expect(tidyName('Ana Lima 👩‍💻')).toBe('Ana Lima');
    expect(tidyName('🌸 Wanjiru Kamau 🌸')).toBe('Wanjiru Kamau');
    // Before an aside, too; and what shows nothing (a soft hyphen, a zero-width space) is no part of it.
    expect(tidyName('Priyanka Raghavan 🌻 (she/her)')).toBe('Priyanka Raghavan');
    expect(tidyName('Konstantin Schwarzen\u00adberger\u200b')).toBe('Konstantin Schwarzenberger');
    expect(tidyName('Konstantin Schwarzen\ufeffberger')).toBe('Konstantin Schwarzenberger');
    expect(tidyName('García López, María José')).toBe('María José García López');
    expect(tidyName('Dr. Svoboda, Petr')).toBe('Petr Svoboda');
    expect(tidyName('Smith, Jr.')).toBe('Smith, Jr.');
    expect(tidyName('Acme, Inc.')).toBe('Acme, Inc.');
    expect(tidyName('Baker, Ross & Partners, LLP')).toBe('Baker, Ross & Partners, LLP');
  });

  it('takes no sentence, date or object name for a name', () => {
    expect(tidyName('This lead was converted on 11/18/2026')).toBeUndefined();
    expect(tidyName('Opportunity')).toBeUndefined();
  });

  it('takes no label or page heading above the name for a name (Salesforce Classic: "Contact:", "Contact Edit")', () => {
    for (const shown of ['Contact:', 'Lead:', 'Kontakt:', 'Contact Edit', 'Lead Edit', 'Person Account', 'Person Accounts']) expect(tidyName(shown)).toBeUndefined();
    expect(tidyName('Edith Contactor')).toBe('Edith Contactor');
  });

  it('leaves an aside in brackets and what a spaced dash adds after the name out of it', () => {
    expect(tidyName('Alexandra (Sasha) Ivanova')).toBe('Alexandra Ivanova');
    expect(tidyName('Sam Rivera (they/them)')).toBe('Sam Rivera');
    expect(tidyName('(Sasha) Alexandra Ivanova')).toBe('Alexandra Ivanova');
    expect(tidyName('Fenna Hoekstra - Polder Tulpen B.V.')).toBe('Fenna Hoekstra');
    expect(tidyName('Hugo Lefèvre – Enregistré')).toBe('Hugo Lefèvre');
    expect(tidyName('Jean-Luc Picard')).toBe('Jean-Luc Picard');
  });

  it('leaves every salutation before the name and a degree after it out of it', () => {
    expect(tidyName('Prof. Dr. Hans-Joachim Wendelstein')).toBe('Hans-Joachim Wendelstein');
    expect(tidyName('Ms. Priya Subramaniam PhD')).toBe('Priya Subramaniam');
    expect(tidyName('Omar Haddad, MD')).toBe('Omar Haddad');
    expect(tidyName('Dr Amy Chen MBA')).toBe('Amy Chen');
    expect(tidyName('Bpk. Hendra Setiawan')).toBe('Hendra Setiawan');
    expect(tidyName('Encik Ahmad Faizal bin Osman')).toBe('Ahmad Faizal bin Osman');
    expect(tidyName("גב' מיכל אברהמי")).toBe('מיכל אברהמי');
    expect(tidyName('Dra. Ana Paula Ribeiro')).toBe('Ana Paula Ribeiro');
    expect(tidyName('Bayan Elif Şahin')).toBe('Elif Şahin');
    expect(tidyName('Ing. Tereza Horáková')).toBe('Tereza Horáková');
    expect(tidyName('女士 陳 雅婷')).toBe('陳 雅婷');
    expect(tidyName('คุณ พิมพ์ชนก ศรีสุข')).toBe('พิมพ์ชนก ศรีสุข');
    expect(tidyName('Herr Dipl.-Ing. Matthias Obermüller')).toBe('Matthias Obermüller');
    expect(tidyName('Prof. dr. ir. Sanne de Wit-Ouwerkerk')).toBe('Sanne de Wit-Ouwerkerk');
    expect(tidyName('Bà Nguyễn Thị Minh Khai')).toBe('Nguyễn Thị Minh Khai');
    expect(tidyName('Dame Elspeth Carrow-Wynne DBE')).toBe('Elspeth Carrow-Wynne');
    expect(tidyName('Sheikh Faris bin Nasser Al Mahri')).toBe('Faris bin Nasser Al Mahri');
    expect(tidyName('د. عبد الرحمن بن سعيد الغامدي')).toBe('عبد الرحمن بن سعيد الغامدي');
    expect(tidyName('ד״ר נועה בן-עמי')).toBe('נועה בן-עמי');
    // An emoji inside a name is decoration; a text symbol is the name's own (below).
    expect(tidyName('Rónán 🌊 Ó Súilleabháin (he/him)')).toBe('Rónán Ó Súilleabháin');
    // Clergy's styles, one or several.
    expect(tidyName('The Revd Canon Hilary Nwachukwu-Forsyth')).toBe('Hilary Nwachukwu-Forsyth');
    expect(tidyName('Rabbi Miriam Adler')).toBe('Miriam Adler');
    expect(tidyName('Dott.ssa Ludovica Brambati')).toBe('Ludovica Brambati');
    expect(tidyName('Prof.ssa Chiara Lodi')).toBe('Chiara Lodi');
    expect(tidyName('Ing. arch. Bohumila Kratochvílová Ph.D.')).toBe('Bohumila Kratochvílová');
    expect(tidyName('Mgr. Jan Novák')).toBe('Jan Novák');
    // After a disclosure toggle's glyph too (Close's contact: "▾ Mrs Sunita").
    expect(tidyName('▾ श्रीमती सुनीता अग्रवाल')).toBe('सुनीता अग्रवाल');
    // A name that only ends in those letters keeps them, and a given name "Ing" without the title's dot.
    expect(tidyName('Alan Mudd')).toBe('Alan Mudd');
    expect(tidyName('Ing Lindqvist')).toBe('Ing Lindqvist');
  });

  it("leaves a disclosure toggle's glyph before the name out of it, and a toggle alone is no name", () => {
    expect(tidyName('▾ Marisol Quintero')).toBe('Marisol Quintero');
    expect(tidyName('▸ Wren Castellano')).toBe('Wren Castellano');
    expect(tidyName('▸')).toBeUndefined();
    // A symbol inside the name is the name's own.
    expect(tidyName('Zoë ☆ Lin')).toBe('Zoë ☆ Lin');
  });

  it("leaves a breadcrumb's trail before the name out of it", () => {
    expect(tidyName('Personer / Ingrid Bergström')).toBe('Ingrid Bergström');
    expect(tidyName('Contacts / All contacts / Maarten van der Heijden')).toBe('Maarten van der Heijden');
  });

  it('takes no placeholder a CRM titles a nameless record with, nor a section heading, for a name', () => {
    for (const shown of ['Untitled', '(No name)', 'No name', 'Unknown', '[not provided]', 'Company', 'Companies']) expect(tidyName(shown)).toBeUndefined();
  });

  it('takes no text without a letter for a name (a toggle’s arrow, an empty field’s dash), in any script', () => {
    for (const shown of ['▸', '—', '--', '• • •', '★']) expect(tidyName(shown)).toBeUndefined();
    expect(tidyName('李伟')).toBe('李伟');
    expect(tidyName("Aoife O'Brien")).toBe("Aoife O'Brien");
  });
});
