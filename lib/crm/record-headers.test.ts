/**
 * What the CRMs' own readers make of their record headers and empty fields, through the layered read
 * (readPageIdentity) the content script runs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { freshsales } from './freshsales';
import { hubspot } from './hubspot';
import { readPageIdentity } from './read-page';
import { salesforceLightning } from './salesforce';

beforeEach(() => {
  document.title = '';
  document.body.innerHTML = '';
});

describe('Salesforce Lightning’s highlights header', () => {
  const LEAD = { crm: 'salesforce' as const, objectType: 'lead', recordId: '00Q5g00000HnA4bEAF' };

  it('names the person, not the object’s label beside the name in the same h1', () => {
    // The slotted name as synthetic shadow renders it: a <slot> (display: contents, no box of its own) around it.
    document.body.innerHTML = `<records-highlights2><h1><div class="entityNameTitle"><records-entity-label>Lead</records-entity-label></div>
      <slot name="primaryField"><lightning-formatted-text slot="primaryField">Henrike Albers</lightning-formatted-text></slot></h1></records-highlights2>
      <records-record-layout-item field-label="Email"><a href="mailto:h.albers@nordwind.example">h.albers@nordwind.example</a></records-record-layout-item>`;
    expect(readPageIdentity(salesforceLightning, document, LEAD)).toMatchObject({ name: 'Henrike Albers', email: 'h.albers@nordwind.example' });
  });

  it('takes no lone formatted address from a Dynamic Forms field labelled as someone else’s', () => {
    // A field section a visibility rule shows before the lead's own "Get in Touch" section renders.
    const field = (label: string) => `<records-highlights2><h1><span>Ngozi Okparaeke</span></h1></records-highlights2>
      <flexipage-field-section2><div class="slds-form-element" role="listitem"><span class="slds-form-element__label">${label}</span>
      <div class="slds-form-element__control"><lightning-formatted-email><a href="mailto:alasdair.munro@fenwick.example">alasdair.munro@fenwick.example</a></lightning-formatted-email></div></div></flexipage-field-section2>`;
    document.body.innerHTML = field('Partner Contact Email');
    expect(readPageIdentity(salesforceLightning, document, LEAD).email).toBeUndefined();
    document.body.innerHTML = field('Email');
    expect(readPageIdentity(salesforceLightning, document, LEAD).email).toBe('alasdair.munro@fenwick.example');
  });

  it('is no list view’s header: a record’s edit dialog over a list names the record, not the list', () => {
    const lead = salesforceLightning.matchUrl(new URL('https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000zeUoJEAU/edit'))!;
    document.body.innerHTML = `<div class="slds-page-header forceListViewManagerHeader"><h1><span class="slds-page-header__title">My Open Leads</span></h1></div>
      <section role="dialog" aria-label="Edit Ottoline Pryce"><label for="f">First Name</label><input id="f" value="Ottoline"><label for="l">Last Name</label><input id="l" value="Pryce"></section>`;
    expect(readPageIdentity(salesforceLightning, document, lead).name).toBe('Ottoline Pryce');
  });

  it('takes the record’s Email field, not the one a Related Record card lays out for its "Reports To" contact', () => {
    const contact = salesforceLightning.matchUrl(new URL('https://acme.lightning.force.com/lightning/r/Contact/0036M00003Xq7VbQAJ/view'))!;
    const email = (address: string) => `<records-record-layout-item field-label="Email"><a href="mailto:${address}">${address}</a></records-record-layout-item>`;
    document.body.innerHTML = `<records-highlights2><lightning-formatted-name>Tobias Wennergren</lightning-formatted-name></records-highlights2>
      <article class="slds-card forceRelatedRecordContainer"><h2>Reports To</h2><a href="/lightning/r/Contact/0036M00003Wm2KpQAJ/view">Ingrid Haraldsen-Rask</a>${email('ingrid@skarholmen.example')}</article>
      ${email('tobias@skarholmen.example')}`;
    expect(salesforceLightning.readIdentity(document, contact).email).toBe('tobias@skarholmen.example');
  });

  it('reads a header with no name marker from its title, without the object’s label', () => {
    document.body.innerHTML = `<records-highlights2><h1><div class="entityNameTitle">Lead</div><span>Henrike Albers</span></h1></records-highlights2>`;
    expect(readPageIdentity(salesforceLightning, document, LEAD).name).toBe('Henrike Albers');
  });
});

describe('HubSpot’s empty Email property', () => {
  const CONTACT = { crm: 'hubspot' as const, objectType: 'contact', recordId: '6120031' };
  const page = (emailValue: string) => `<div data-test-id="left-sidebar"><span data-selenium-test="highlightTitle">Wojciech Mazur</span>
      <div data-selenium-test="property-input-email"><label>Email</label>${emailValue}</div></div>
    <div data-test-id="records-right-sidebar"><section aria-label="Contacts (1)"><div class="chicklet"><a href="/contacts/1/record/0-1/6120044">Agata Mazur</a><div>agata@stolarnia.example</div></div></section></div>`;

  it('means the contact has no address: an associated contact’s is not taken for theirs', () => {
    document.body.innerHTML = page('<span>--</span>');
    expect(readPageIdentity(hubspot, document, CONTACT)).toMatchObject({ name: 'Wojciech Mazur', email: undefined });
  });

  it('is not empty while it holds an address in a tooltip or an input being edited', () => {
    document.body.innerHTML = page('<span title="wojciech@stolarnia.example">wojciech@stolar…</span>');
    expect(readPageIdentity(hubspot, document, CONTACT).email).toBe('wojciech@stolarnia.example');
    document.body.innerHTML = page('<input type="text">');
    document.querySelector('input')!.value = 'wojciech@stolarnia.example';
    expect(readPageIdentity(hubspot, document, CONTACT).email).toBe('wojciech@stolarnia.example');
  });
});

describe('Freshsales’s contact heading', () => {
  it('leaves a badge beside the name out of it', () => {
    document.body.innerHTML = `<div class="contact-details-page" data-contact-id="402739518826"><div class="contact-summary">
      <h1 class="entity-name" title="Valentina Arizmendi">Valentina Arizmendi<span class="vip-tag">VIP</span></h1></div></div>`;
    const contact = { crm: 'freshsales' as const, objectType: 'contact', recordId: '402739518826' };
    expect(readPageIdentity(freshsales, document, contact).name).toBe('Valentina Arizmendi');
  });
});
