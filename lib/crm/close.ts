// zod's core schemas (zod-lean), not zod: the content script must stay small on the CRM page.
// Relative, not `@/`: wxt.config.ts loads the detectors (through registry.ts) without that alias.
import * as z from '../schema/zod-lean';
import type { CrmDetector, DetectorTestUrls, PageIdentity, RecordMatch } from './types';
import { getSameOrigin, optionalText } from './same-origin';
import { composedText, tidyName, writtenAsName, type GenericReading } from './generic-reader';
import { cleanText, deepQueryAll, findEmail, firstShownText, isShown, labelledBy, mailtoAddress, newRecordDialog } from './dom';

/**
 * `app.close.com/lead/<lead_id>/`: Close links leads with the trailing slash (its API's `html_url`),
 * and ids are `lead_` + ~43 base62 characters. `/leads/` is the list (and `/leads/save_…/` a smart
 * view); deeper paths under a lead are not claimed, as nothing says they show the lead's contacts.
 */
const LEAD_PATH = /^\/lead\/(lead_[A-Za-z0-9]{16,64})\/?$/;
const CONTACT_ID = /\b(cont_[A-Za-z0-9]{16,64})\b/;

/**
 * Close's markup uses CSS-module class names (`ContactCard_card__x1Y2z`): the stable part is the
 * prefix before the hash, so elements are found by it.
 */
const CONTACT_CARD = '[class*="ContactCard_card"]';
const CONTACT_TOGGLE = '[aria-expanded]';
/** A contact's card by Close's class, by the contact's id where the page marks it with that, or as a group named by its name. */
const ANY_CONTACT_CARD = `${CONTACT_CARD}, [id^="cont_"], [data-contact-id], [role="group"][aria-labelledby]`;
const CONTACT_NAME = '[class*="ContactCard_name"]';
const LEAD_NAME = ['[class*="LeadHeader_name"]', '[class*="LeadHeader"] h1'];

/** Which contact of the lead the rep last expanded: expanding is the rep saying "this one". */
let lastSeen: { leadId: string; expanded: string[]; chosen?: string } | undefined;

export const closeCrm: CrmDetector = {
  crm: 'close',
  matches: ['https://app.close.com/*'],
  // Expanding another contact changes the person without changing the URL.
  personChangesInPlace: true,

  matchUrl(url: URL): RecordMatch | null {
    if (url.protocol !== 'https:' || url.hostname !== 'app.close.com') return null;
    const found = LEAD_PATH.exec(url.pathname);
    // A Close lead is a company; the person is one of its contacts, read from the page.
    return found ? { crm: 'close', objectType: 'lead', recordId: found[1]!, personFromPage: true } : null;
  },

  readIdentity(doc: Document, match: RecordMatch): PageIdentity {
    const company = firstShownText(doc, LEAD_NAME);
    // A contact the rep is editing (Close swaps its card for a form in place) is the one they are on:
    // a form with the contact's name and a filled-in address, not a composer, an empty new contact or
    // a new contact's dialog.
    for (const form of deepQueryAll(doc, 'form')) {
      const dialog = form.closest('[role=dialog], dialog');
      if (dialog && newRecordDialog(dialog)) continue;
      const email = findEmail((form.querySelector('input[type=email]') as HTMLInputElement | null)?.value ?? '')?.toLowerCase();
      const name = email && isShown(form) ? labelledName(form) : undefined;
      if (name) return { record: { objectType: 'lead', recordId: `${match.recordId}/${contactIdOf(form) ?? email}` }, name, email, company };
    }
    const cards = deepQueryAll(doc, CONTACT_CARD).filter(isShown);
    const card = chosenContact(match.recordId, cards);
    if (!card) return {};
    const email = emailsOf(card, true)[0];
    const contactId = contactIdOf(card);
    return {
      // The record id names the contact too: the lead id alone would give every contact of the lead
      // one cache entry and one feedback thread (the background keys both by crm + record id), so
      // the second contact would be shown the first one's cached brief. Should the page carry no
      // cont_ id, the contact's e-mail (or its place in the list) stands in for it.
      record: { objectType: 'lead', recordId: `${match.recordId}/${contactId ?? email ?? cards.indexOf(card)}` },
      name: firstShownText(card, [CONTACT_NAME]) ?? cleanText(card.querySelector(CONTACT_TOGGLE)?.textContent),
      email,
      company,
    };
  },

  /**
   * Close's documented lead resource (`GET /api/v1/lead/{id}/`, the API its web app itself calls on
   * app.close.com with the rep's session cookie). A lead with one contact names its person whatever
   * the markup; with several, only the page knows which one the rep expanded, so the API gives the
   * lead's name alone.
   */
  async fetchIdentity(match: RecordMatch, signal: AbortSignal): Promise<PageIdentity> {
    const answer = z.safeParse(LeadAnswerSchema, await getSameOrigin(`/api/v1/lead/${match.recordId}/?_fields=display_name,contacts`, signal));
    if (!answer.success) return {};
    const { display_name: company, contacts = [] } = answer.data;
    const only = contacts.length === 1 ? contacts[0]! : undefined;
    const email = cleanText(only?.emails?.find((entry) => cleanText(entry.email))?.email)?.toLowerCase();
    if (!only || !CONTACT_ID.test(only.id)) return { company: cleanText(company) };
    return {
      record: { objectType: 'lead', recordId: `${match.recordId}/${only.id}` },
      name: cleanText(only.name),
      email,
      company: cleanText(company),
    };
  },

  /**
   * Where Close's own markup was not recognised, the person is the contact around the address the
   * generic reader chose: the page's title is the lead (a company), never the person's name.
   */
  completeIdentity(identity: PageIdentity, generic: GenericReading, match: RecordMatch, doc: Document): PageIdentity {
    if (identity.record) return identity;
    // A contact the rep expanded is the one they are looking at; else the one the address says.
    const expanded = deepQueryAll(doc, '[aria-expanded="true"]')
      .filter(isShown)
      // The toggle's own card where the page marks one (or names it by the name inside it): the region
      // around the toggle alone would end before the contact's addresses, below the toggle.
      .map((toggle) => {
        const card = toggle.closest(ANY_CONTACT_CARD) ?? selfNamedCard(toggle);
        const region = card ?? contactAround(toggle);
        return { region, email: emailsOf(region, Boolean(card))[0] };
      })
      .find((entry) => entry.email);
    // A lead's person is one of its contacts: where the page marks their cards, an address outside
    // all of them is the lead's own (its accounts-payable inbox in a custom field), and the person's
    // is the first a card shows.
    // A card's own parts can match too (its name element, `id="cont_…-name"`): they are that card.
    const shownCards = deepQueryAll(doc, ANY_CONTACT_CARD).filter(isShown);
    const cards = shownCards.filter((card) => !shownCards.some((other) => other !== card && other.contains(card)));
    // With none expanded, the first contact that shows an address is the one Close puts first (its
    // primary), whichever address the generic reader would have weighed highest among several cards
    // or found outside the one card.
    const fromCards = !expanded && generic.emailElement && (cards.length > 1 || (cards.length === 1 && !cards[0]!.contains(generic.emailElement)));
    const chosen = expanded ?? (fromCards ? cards.map((region) => ({ region, email: emailsOf(region, true)[0] })).find((entry) => entry.email) : undefined);
    const email = chosen ? chosen.email : generic.email;
    const around = chosen?.region ?? generic.emailElement;
    if (!email || !around) {
      // No address shown (every contact collapsed, or none has one): a lead named after a person, as
      // Close names a lead made from one, is that contact of the lead; else a lead that shows one
      // contact card (its "Add email" button where the address would be) is that contact.
      const named = deepQueryAll(doc, CONTACT_TOGGLE).filter(isShown).map(contactAround).find((region) => identity.name && nameIn(region) === identity.name);
      const contact = named ?? (cards.length === 1 ? cards[0] : undefined);
      const contactId = contact && contactIdOf(contact);
      return contactId ? { record: { objectType: 'lead', recordId: `${match.recordId}/${contactId}` }, name: named ? identity.name : nameIn(contact) } : { company: identity.name };
    }
    // The contact card the address is in, where the page marks cards: the region around the address
    // alone ends at its row when the card lists several addresses.
    const contact = cards.find((card) => card.contains(around)) ?? contactAround(around);
    const contactId = contactIdOf(contact);
    return {
      record: { objectType: 'lead', recordId: `${match.recordId}/${contactId ?? email}` },
      name: nameIn(contact),
      email,
      company: identity.company ?? identity.name,
    };
  },
};

/** URLs that must and must not match: the evidence detectors.test.ts runs, kept out of the content script. */
export const closeCrmTestUrls: DetectorTestUrls = {
  match: [
    ['https://app.close.com/lead/lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW/', { objectType: 'lead', recordId: 'lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW', personFromPage: true }],
    ['https://app.close.com/lead/lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW', { objectType: 'lead', recordId: 'lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW', personFromPage: true }],
    ['https://app.close.com/lead/lead_ZjSBiGlAJLoSiNLT6y4QizimovIGbUvcfPlpHYfgqh3/?tab=activity', { objectType: 'lead', recordId: 'lead_ZjSBiGlAJLoSiNLT6y4QizimovIGbUvcfPlpHYfgqh3', personFromPage: true }],
    ['https://app.close.com/lead/lead_g4AZCOW7Kpc3tithNBrr9aXPbDHsZ72KJUR55Qjzd6f/#activity', { objectType: 'lead', recordId: 'lead_g4AZCOW7Kpc3tithNBrr9aXPbDHsZ72KJUR55Qjzd6f', personFromPage: true }],
    ['https://app.close.com/lead/lead_lKJosXmlzl9PUmVix7Wm715Y9N6ABZC3tsvy3ihM01v/', { objectType: 'lead', recordId: 'lead_lKJosXmlzl9PUmVix7Wm715Y9N6ABZC3tsvy3ihM01v', personFromPage: true }],
  ],
  noMatch: [
    'https://app.close.com/leads/',
    'https://app.close.com/leads/save_9NOOd8EC1ljG0n6Pq1J1aryvsjYrGoFfSpu2mLBPvok/',
    'https://app.close.com/lead/cont_CG0iZyQaGU8w9ghyKrkRwvNqAE5Ye3ZAGO0j6DONlET/',
    'https://app.close.com/lead/lead_abc123/',
    'https://app.close.com/lead/lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW/opportunity/',
    'https://app.close.com/opportunities/',
    'http://app.close.com/lead/lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW/',
    'https://app.close.com.evil.example/lead/lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW/',
    'https://api.close.com/api/v1/lead/lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW/',
    'https://close.com/lead/lead_HcmG4cyICfAIu1J0sRziNKe63cbNaifOxZZ0PppgksW/',
  ],
};

/** The fields asked for (`_fields=display_name,contacts`), as Close's API reference gives them. */
const LeadAnswerSchema = z.object({
  display_name: optionalText,
  contacts: z.optional(z.array(z.object({ id: z.string(), name: optionalText, emails: z.optional(z.array(z.object({ email: optionalText }))) }))),
});

/** The contact id (`cont_…`) a card carries anywhere in its markup. */
function contactIdOf(card: Element): string | undefined {
  return CONTACT_ID.exec(card.outerHTML)?.[1];
}

/** Where a contact shows its name: a heading, a strong name, the toggle that expands it. */
const CONTACT_NAMES = ['[class*="name" i]', 'h2, h3, h4, h5', 'strong', CONTACT_TOGGLE, 'b'];

/** The name a contact's region shows: a field labelled "Contact" or "Name", else a name element or heading, else the name its card is labelled by. */
function nameIn(contact: Element): string | undefined {
  // A field labelled "Name" is the name itself (a card being edited, whose dialog's title is "Edit Contact").
  return (
    labelledName(contact) ??
    CONTACT_NAMES.flatMap((selector) => [...contact.querySelectorAll(selector)]).filter(isShown).map((element) => tidyName(composedText(element))).find(Boolean) ??
    // A contact's card named for assistive technology by its name element (`aria-labelledby`), whose
    // buttons are no part of it (a section's "Contacts" heading and its "+ Add").
    [contact, ...contact.querySelectorAll('[aria-labelledby]')].map(labelledBy).map((label) => label && tidyName(composedText(label))).find(Boolean) ??
    // A markup with no hint at all: the first line of the card written as a name ("Tobias Lindqvist"
    // above "Head of E-commerce"), never an avatar's initials, which are hidden from assistive
    // technology, nor a button's caption ("Call").
    [...contact.querySelectorAll(':not([aria-hidden=true]):not(:has(*))')]
      .filter((leaf) => isShown(leaf) && !leaf.closest('button'))
      .map((leaf) => writtenAsName(oneWordParts(leaf.parentElement!) ? composedText(leaf.parentElement!) : leaf.textContent))
      .find(Boolean)
  );
}

/**
 * Whether an element is a name set in one element per word ("<span>Ignacio</span><span>Barrenechea</span>",
 * spaced by the CRM's CSS): two to four leaves of one word each.
 */
function oneWordParts(element: Element): boolean {
  const parts = [...element.children];
  return parts.length > 1 && parts.length < 5 && parts.every((part) => !part.firstElementChild && /^\S+$/.test(part.textContent!.trim()));
}

/** A contact's name given as a field labelled "Contact" or "Name". */
function labelledName(region: Element): string | undefined {
  for (const label of region.querySelectorAll('dt, th, label, [class*="label" i]')) {
    // The value shown after the label, or typed in its field (a contact card being edited), which may
    // be the label's own control (`for`), sit in the label, or in a row of its own after it.
    const next = label.nextElementSibling;
    const value = (label as HTMLLabelElement).control ?? label.querySelector('input') ?? next?.querySelector('input') ?? next;
    if (/^(?:contact|(?:full |contact )?name)$/i.test(cleanText(label.textContent) ?? '')) return tidyName((value as HTMLInputElement | null)?.value ?? value?.textContent);
  }
  return undefined;
}

/**
 * The contact an address belongs to: the largest region around it that shows no other contact (no
 * address outside its own list of addresses, no other expand toggle), so its neighbours' names are
 * never taken for its own, while its own second address ("office", then "home") is.
 */
function contactAround(element: Element): Element {
  const ownList = element.closest('ul, ol, [role="list"]');
  let region = element;
  for (let parent = element.parentElement; parent && parent.tagName !== 'BODY'; parent = parent.parentElement) {
    const others = [...parent.querySelectorAll('a[href^="mailto:"]')].filter((link) => link !== element && !ownList?.contains(link));
    // Another contact's address or its expand toggle (collapsed contacts may show no address).
    // The contact's own card, where the page marks it, is the whole of it: beyond are the lead's other sections.
    // A section around the contact is as far as it goes: beyond are the page's others. So is what
    // names someone as an item of a list or under the lead's "Contacts" heading (the contact's entry).
    if (
      others.length ||
      parent.querySelectorAll(CONTACT_TOGGLE).length > 1 ||
      parent.querySelector('h1') ||
      region.matches(`${ANY_CONTACT_CARD}, section, article, aside, [role=region]`) ||
      ((region.matches('li, [role=listitem]') || [...parent.children].some((child) => child !== region && /^contacts?\b/i.test(cleanText(child.textContent) ?? ''))) &&
        nameIn(region))
    )
      break;
    region = parent;
  }
  return region;
}

/**
 * The contact the rep expanded, else the first. When several are expanded, the one expanded last
 * wins: it is the newly expanded one since the previous read, or else the one chosen before.
 */
function chosenContact(leadId: string, cards: Element[]): Element | undefined {
  const keyOf = (card: Element, index: number) => contactIdOf(card) ?? String(index);
  const keys = cards.map(keyOf);
  const expanded = keys.filter((_key, index) => cards[index]!.querySelector(CONTACT_TOGGLE)?.getAttribute('aria-expanded') === 'true');
  const before = lastSeen?.leadId === leadId ? lastSeen : undefined;
  // On the first read of a lead nothing was expanded "since": Close's own default is not a choice.
  const newlyExpanded = before ? expanded.filter((key) => !before.expanded.includes(key)) : [];
  const chosen =
    newlyExpanded.at(-1) ?? (before?.chosen && expanded.includes(before.chosen) ? before.chosen : undefined) ?? expanded[0] ?? keys[0];
  lastSeen = { leadId, expanded, chosen };
  return chosen === undefined ? undefined : cards[keys.indexOf(chosen)];
}

/**
 * The contact's addresses, primary first. Read whether or not the card is expanded: a collapsed
 * card still belongs to this person, and only the card itself has to be shown.
 */
/**
 * A contact's addresses in the card's order, except that one marked bounced in its row ("⚠ Bounced",
 * Close's warning after the last e-mail to it failed) goes after the others: they no longer read it.
 */
function emailsOf(card: Element, composerLinks = false): string[] {
  // A mailto link; in a contact's own card, also a link that shows the address and opens Close's
  // composer (around a region that is no card, such a link may be anyone's: a feed's, a note's).
  const shown = (link: Element) => (composerLinks && link.textContent!.trim() === findEmail(link.textContent!) ? findEmail(link.textContent!) : undefined);
  const addressOf = (link: Element) => (link.matches('[href^="mailto:"]') ? mailtoAddress(link.getAttribute('href')!, link) : shown(link));
  const links = [...card.querySelectorAll('a')].filter(addressOf);
  const bounced = (link: Element) => link.parentElement !== card && BOUNCED.test(link.parentElement?.textContent ?? '');
  return [...links.filter((link) => !bounced(link)), ...links.filter(bounced)].flatMap((link) => addressOf(link)?.toLowerCase() ?? []);
}

/**
 * A contact's card named by the name inside it (`aria-labelledby`), around its expand toggle: one
 * toggle in it, and named by no heading (a section named by its "Contacts" heading holds them all).
 */
function selfNamedCard(toggle: Element): Element | undefined {
  const card = toggle.closest('[aria-labelledby]');
  const name = card && labelledBy(card);
  return card && name && card.contains(name) && !name.matches('h1, h2, h3, h4, h5, h6, [role=heading]') && card.querySelectorAll(CONTACT_TOGGLE).length === 1 ? card : undefined;
}

/** Close's mark on an address whose last e-mail bounced. */
const BOUNCED = /\bbounced\b/i;
