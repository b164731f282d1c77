/**
 * The generic reader: finds the record's person on any CRM page from what every CRM shows, not from
 * one product's markup. It runs behind each CRM's own selectors (see read-page.ts) and alone on
 * custom sites. Pure DOM code: one walk over the page and its open shadow roots that skips whole
 * regions which never hold the record's person (navigation, the signed-in user's menus, activity
 * timelines, related lists), then a look around each e-mail found to judge whose it is.
 */
import { cleanText, emailAt, findEmail, isBeingEdited, isShown, knownShadowRoots, labelledBy, mailtoAddress, newRecordDialog } from './dom';

export interface GenericReading {
  name?: string;
  email?: string;
  /** Where the chosen address is shown: a detector that groups a record's people starts from it. */
  emailElement?: Element;
  /** Whether the address sits in a field labelled as an e-mail field (not just any address). */
  labelled?: boolean;
}

/**
 * Lower case without accents: "Correo electrónico" and "correo electronico" read alike. Composed
 * again after: decomposing splits a Korean syllable into its letters and a Japanese kana from its
 * voicing mark ("이메일", "アドレス"), which the patterns below are written whole.
 */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLowerCase();
}

/**
 * The e-mail field's own label in other scripts, as `normalize` leaves it (accents and the Cyrillic
 * breve gone): Russian and Ukrainian ("Эл. почта", "Электронная почта", "Ел. пошта"), Greek
 * ("Ηλεκτρονικό ταχυδρομείο"), Arabic ("البريد الإلكتروني"), Persian ("ایمیل"), Hebrew ('דוא"ל',
 * "דואר אלקטרוני"), Hindi ("ईमेल"), Bengali ("ইমেল"), Thai ("อีเมล") and Vietnamese ("Thư điện tử"). Each is the whole
 * phrase, so a postal address ("Почтовый адрес", "Ταχυδρομική διεύθυνση", "الرمز البريدي") is not one.
 */
const OTHER_SCRIPTS = '[эе]л(?:\\.|ектрон\\S*) по[чш]т\\S*|ηλεκτρονικο ταχ\\S*|\\S*بريد \\S*لكتروني|ایمیل|דוא(?:["״]?ל|ר אל\\S*)|ई-?मेल|ইমেল|อีเมล|thu đien tu';
/**
 * An e-mail field's label: in the languages of Latin script ("E-Mail-Adresse", "Courriel", "Adresse
 * de messagerie", the Nordic and Turkish "E-post"/"E-posta", the Finnish "Sähköposti", the Catalan
 * "Correu electrònic", the Malay and Indonesian "Emel"), Japanese,
 * Korean, Chinese and the scripts above.
 */
const EMAIL_LABEL = new RegExp(`e-?mail|\\bemel\\b|e-?post|courriel|messagerie|corre(?:i?o|u)|posta elettronica|sahkoposti|メール|이메일|[邮郵]|${OTHER_SCRIPTS}`);
/** Words that make an address someone else's: the record's owner or creator, the signed-in user, whoever referred the lead, a shared inbox. */
const OWNER =
  /owner|inhaber|besitzer|eigen(?:tumer|aar)|propr?ieta[ir]|agare|\bejer|w[lł]asciciel|vlastnik|sahibi|verantwortlich|assigned|zugewiesen|(?:creat|modifi)ed by|referr|(?<!(?:work|personal|private) )inbox|erstellt von|(?:cree|modifie) par|creado por|\buser|utilisateur|usuario|nutzer/;
/**
 * Words that make an e-mail field someone else's ("Assistant Email", "EA email", "Correo electrónico de
 * la cuenta", a "Billing Email" or Indonesian "Email Penagihan"/"Email Tagihan" that is the company's
 * invoices inbox, the custom fields admins add for the people around a customer: "Decision maker's
 * email", "Champion email", "Partner manager email", "Escalation email", "Solicitor email", a "Joint
 * member email", a contract's "Signatory email", "Legal notices email"; and the inboxes of a company's
 * departments and partners: "E-Mail Innendienst", "Email amministrazione", an Italian company's PEC,
 * "Supplier email", "Correo del distribuidor"); alone they may be the person's own job title
 * ("Practice Manager"). A work, personal or private inbox is the person's own, no shared one (OWNER).
 */
const OTHER_PERSON =
  /emergen|notfall|urgen[cz]|n[oøö]dkontakt|noodcontact|awaryj|acil|guardian|vormund|tute(?:ur|la)|verge|temsilci|vertret|represent|(?:gener|allgemein|algemeen|geral)\w* e-?mail|(?:e-?mail|electronico|correo)\w* (?:gener|geral)|as+ist|\b[ep]a\b|manager|decision|entscheid|champion|sponsor|partner|procure|escalat|solicitor|lawyer|attorney|signator|signer|unterzeichn|signataire|firmante|legal|notice|mitteilung|juridi|innendienst|aussendienst|amministrazion|buchhaltung|comptab|contab|bogholder|bokf[oö]r|bokhald|kirjanpit|konyvel|ksiegow|księgow|muhasebe|boekhoud|regnskap|accountant|revisor|\bpec\b|distribu|lieferant|supplier|proveedor|fornitore|fornecedor|fournisseur|\bnotar|anwalt|avocat|abogad|advoca|advogad|avvocat|responsa|vorgesetzt|reports to|\bjoint\b|account|cuenta|compte|konto|\bconta\b|parent|organi[sz]ation|company|firma|empresa|entreprise|societe|\bagen[ct]|billing|invoi[cs]|laskut|λογιστ|fa[ck]?t+ur|rechnung|agihan/;
/**
 * An e-mail field's label that says the address is no longer the person's ("Old email", "Former
 * email", "Previous Email", "Alte E-Mail", "Ehemalige E-Mail", "Ancien e-mail", "Correo anterior"):
 * kept for the record's history, never the address to reach them at.
 */
const FORMER = /\b(?:old|former|previous|prior|alte[rs]?|fruhere?|ehemalige?|vorherige?|ancien(?:ne)?|precedente?|anterior|antigu[oa]|vecchi[oa]|oude?|vorige)\b/;
/**
 * What a form's placeholder, a help text or a loading skeleton writes where an address goes
 * ("name@company.com", "you@yourcompany.com", "firstname.lastname@domain.com"): nobody's.
 */
const PLACEHOLDER_EMAIL = /^(?:name|e-?mail|you|your\.?name|first\.?(?:name)?\.?last(?:name)?|name\.surname)@(?:your-?)?(?:company|domain|empresa|firma|entreprise|societe|azienda)\./i;
/**
 * The CRM's own addresses for filing mail (Capsule's Mail Drop Box on a subdomain of the account's
 * capsulecrm.com, Pipedrive's Smart BCC at pipedrivemail.com, HubSpot's BCC address, Email-to-Salesforce's
 * on a subdomain of salesforce.com): no person's mailbox. The vendors' own people are at the bare
 * domains, never at these.
 */
const CRM_MAILBOX = /@(?:pipedrivemail\.com|bcc\.hubspot(?:-\w+)?\.com|[^@]+\.capsulecrm\.com|[^@]+\.salesforce\.com)$/i;
/**
 * What a CRM says of an address it refused because it is someone else's ("Another contact already has
 * this email address", "existiert bereits", "ya existe", "déjà utilisée"), as `normalize` leaves it.
 */
const TAKEN = /\balready\b|\bin use\b|duplicate|another (?:contact|person|lead|record)|bereits|\bdeja\b|ya (?:existe|esta)|\bgia\b|\bja existe/;

/** The text of what an element's `aria-describedby` names (its error or help), in its own tree. */
function describedBy(element: Element): string {
  const root = element.getRootNode() as Document;
  return (element.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id && root.getElementById?.(id)?.textContent) ?? '')
    .join(' ');
}

/** The kind of an address, shown as a label of its own beside the field's ("Work", "Privat"), as `normalize` leaves it. */
const ADDRESS_KIND = /^(?:work|home|office|business|personal|private|other|main|arbeit|buro|privat|geschaftlich|travail|bureau|domicile|perso|trabajo|oficina|casa|lavoro|ufficio|trabalho)$/;

/** A second-choice address of the person: shown, but not the one to look them up by. */
const SECONDARY = /se[ck][ou]nda[ir]|dodatkow|ad+i[ct]ional|aanvullend|supplementaire|aggiuntiv|zusatzlich|weitere|other|andere|autre|otro|outro|altro|alternat|\b[23]\b|home|privat|prive|personal|personnel|persoonlijk|perso\b|особист|личн/;
/**
 * A message header's label before an address in one text ("From:", "Van:", "Para:", "Cc:"), or a
 * composer's row label, which needs no colon in English ("Cc" beside a recipient's pill).
 */
const MESSAGE_HEADER = /^(?:(?:from|to|cc|bcc|von|an|de|a|para|van|aan|da|fra|til|od|do|kimden|kime):|from|to|cc|bcc)$/;
/**
 * A message's line written without colons ("From owen@… to bronwen@…"): its sender or copied
 * recipients, by the word right before the address. Not "to": an action names the person so ("Send
 * email to priya@…").
 */
const MESSAGE_WORD = /(?:^|\s)(?:from|cc|bcc|von|van)$/;
/**
 * The CRM's mark for the main address: Ukrainian and Russian "Основна"/"Основной", Hebrew "ראשי",
 * Arabic "أساسي"/"رئيسي", Turkish "birincil", Finnish "ensisijainen", Chinese "主要", Japanese "メイン",
 * Korean "기본" too.
 */
const PRIMARY = /prima[ir]|glown|principal|haupt|preferred|bevorzugt|prefere|default|основн|ראשי|أساسي|رئيسي|birincil|ensisijai|主要|メイン|기본/;

/**
 * Regions that never hold the record's person, by role, tag or the words in their class, id, test
 * id or label: among them the product's own messages (a toast or banner's `status` and `alert`, its
 * news, cookie dialog, in-app guidance and getting-started checklist), enrichment apps'
 * suggestions (an address they found, not the record's), an older record of the same person (a
 * returning customer's, an archived one: the address they had then), an e-mail composer or
 * docked utility panel (its recipients; a link that opens the composer shows the record's own address)
 * and other browser extensions' panels (the sales-prospecting
 * tools' sidebars and cards, with the addresses they guessed). Short words need word edges ("nav" is
 * inside "canvas").
 */
// Whole-word patterns rather than Sets: the same test in fewer bytes of content script.
const SKIPPED_ROLES = /^(?:navigation|banner|feed|log|search|menu|menubar|tooltip|contentinfo|alert|status)$/;
const SKIPPED_TAGS = /^(?:nav|script|style|noscript|template|svg|footer|iframe)$/i;
const CHROME_WORDS =
  /(?:^|[\s_-])(?:nav|user)(?:$|[\s_-])|navigation|nav-?bar|top-?bar|top-?band|global-?header|app-?header|site-?header|masthead|user-?(?:menu|nav|info|profile|dropdown|avatar|card)|current-?user|signed-?in|logged-?in|account-?(?:menu|switcher|dropdown)|avatar-?menu|profile-?(?:dropdown|card|trigger|menu|pic)|me-?control|mectrl|breadcrumb|app-?sidebar|notification/;
/** A list of records (a list view, a Kanban board), which a record's dialog may open over. */
const LIST_VIEW = /kanban|list-?view/;
const ELSEWHERE_WORDS =
  /timeline|tijdlijn|tidslinje|zeitachse|ch?ronolog|a(?:[ck]t|tt?)ivi[dt]|verlauf|chronik|assistant|copilot|zia-?panel|preview|similar|duplicat|suggest|insight|follower|conne(?:ction|ctie|ssion)|conex(?:ion|oe)|verbindung|feed|related|rel-?list|histor|engagement|recent-?communication|conversation|comment|(?:^|[\s_-])(?:notes?|flow)(?:$|[\s_-])|association|subgrid|quick-?view|participa|teilnehmer|deelnemer|stakeholder|inbox|thread|owner|assignee|created-?by|modified-?by|assigned-?to|popover|hover-?(?:card|panel)|tooltip|nearby|cookie|what.?s.?new|guid|getting.?start|enrich|lusha|returning|archiv|(?<!open[\w-]*)composer|docking|extension|seamless|snov|kaspr|lead-?iq|contact-?out|rocket-?reach|zoominfo|cognism|apollo-|hunter-ext|временн\S* шкал|(?:^|\s)связи$|(?:\borg\w*|company|account)-?(?:block|card|panel|widget)/;
/**
 * A contact-preferences section (its label, class or id: "Contact Preferences", "Preferencias de
 * comunicación", "Προτιμήσεις επικοινωνίας") holds consent toggles labelled as the fields they govern
 * (Dynamics' "Email: Allow"): such a value is no empty e-mail field. It may still show the address a
 * consent is for, so its addresses are read as any others.
 */
const PREFERENCES = /preferen|praferenz|voorkeur|voreinstell|προτιμησ/;
/**
 * A consent toggle's value, in the languages Dynamics words it ("Allow", "Do Not Allow", "Zulassen",
 * "Ne pas autoriser", "Não permitir", "Non consentire", "Niet toestaan"), as `normalize` leaves it:
 * under a label that names the channel it governs ("Email"), in a section whose title is beside it
 * rather than around it (a printed form's table), it is no empty e-mail field either.
 */
const CONSENT_VALUE = /^(?:(?:do not|don't|nicht|ne pas|no|non|nao|niet) )?(?:allow|zulassen|autoriser|permitir|consentire|consenti|toestaan)$/;
/**
 * A count under the word ("E-post: 12 mejl", "Emails 3", Pipedrive's overview of a person's activity):
 * how many messages were exchanged, no empty e-mail field.
 */
const COUNT_VALUE = /^\d/;
/**
 * A section headed by the company alone ("Organisation", "Accounts (1)") holds its inbox, not the
 * person's address; one headed "People (2)" lists other people (an organisation's), as does one
 * headed "Contacts at this account (4)", "Other contacts", "People at Vantor" or "Kontakte bei …".
 */
const COMPANY_HEADING =
  /^(?:organi[sz]a\w*|compan\w*|accounts?|firma|unternehmen|empresas?|entreprises?|societe|azienda|bedrijf|people|personen|personas|pessoas|persone)(?: \(\d+\))?$|^(?:other (?:contacts|people)|(?:contacts|people) (?:at|in|from)|(?:weitere )?kontakte bei|(?:autres )?contacts (?:chez|de l)|(?:otros )?contactos (?:en|de la))\b/;
/** The record's title element, which a region holding it is never skipped for. */
const TITLE = 'h1, [role="heading"][aria-level="1"]';
const HEADING = 'h1,h2,h3,h4,h5,h6,[role=heading]';

function describing(element: Element): string {
  if (!element.hasAttributes()) return '';
  // A missing attribute joins as an empty string: nothing the patterns look for has a space in it.
  // The test attributes of the common test tools too (Cypress's `data-cy`, `data-qa`): a release that
  // hashes its classes keeps them.
  return normalize(['class', 'id', 'data-testid', 'data-test-id', 'data-test', 'data-selenium-test', 'data-id', 'data-cy', 'data-qa', 'aria-label'].map((name) => element.getAttribute(name)).join(' '));
}

/** Whether a region is left out of the read (with everything in it). */
function skipped(element: Element): boolean {
  if (SKIPPED_TAGS.test(element.tagName)) return true;
  // A header outside any article, aside, main, nav or section is the page's banner (as ARIA maps it):
  // the product's bar with the signed-in user, unless it holds the record's title.
  if (element.tagName === 'HEADER' && !element.parentElement?.closest('article, aside, main, nav, section, [role="main"]') && !element.querySelector(TITLE)) return true;
  const custom = element.tagName.includes('-');
  if (!element.hasAttributes() && !custom) return false;
  const style = (element as HTMLElement).style;
  const role = element.getAttribute('role');
  // Hidden, unless it is a section of the shown record folded behind its tab (isShown says which).
  const hidden = element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true' || style?.display === 'none';
  if (element.hasAttribute('inert') || (hidden && !(role === 'tabpanel' && isShown(element)))) return true;
  // The largest z-index there is, set inline: what other browser extensions put on the page (a
  // sales-intelligence sidebar listing the company's other people, a password manager's button).
  if (style?.zIndex === '2147483647') return true;
  if (SKIPPED_ROLES.test(role ?? '') || newRecordDialog(element)) return true;
  // Another record in a list beside the open one (Salesforce's split view): an option not chosen,
  // unless the list is the e-mail field's own, open for editing (Twenty's "Emails" dropdown).
  if (role === 'option' && element.getAttribute('aria-selected') === 'false' && !EMAIL_LABEL.test(normalize(element.closest('[role=listbox]')?.getAttribute('aria-label') ?? ''))) return true;
  // A custom element's tag names it too (`hunter-ext-card`, `c-returning-customer-match`).
  const words = custom ? `${element.tagName.toLowerCase()} ${describing(element)}` : describing(element);
  // A list of records (a list view, a Kanban board) that a record's edit dialog opens over: its
  // title names the list.
  if (LIST_VIEW.test(words)) return true;
  if (!(CHROME_WORDS.test(words) || ELSEWHERE_WORDS.test(words))) return false;
  // A top bar that holds the record's own title (Twenty's) is the record's header, not chrome; and
  // what holds the page's main region (a product's navigation shell wrapping the whole app) is the page.
  return !element.querySelector(`${TITLE},main,[role=main]`);
}

/**
 * Whether an element is a hidden region beside shown ones: an earlier record's page the CRM keeps
 * rendered, a tab that is not open. Nothing in it is shown, so nothing in it could be chosen (every
 * title and address is checked for being shown): leaving it out of the walk changes no result and
 * saves most of the walk on a page that keeps its history. Only elements with siblings and children
 * are looked at, so the check runs on the few places a page hides whole regions, not on every
 * element; and a `display: contents` wrapper (a slot), which has no box of its own, is never taken
 * for a hidden one.
 */
function hiddenRegion(element: Element): boolean {
  if (element.firstElementChild === null || (element.parentElement?.childElementCount ?? 0) < 2) return false;
  if (isShown(element)) return false;
  return getComputedStyle(element).display !== 'contents';
}

interface Found {
  titles: Element[];
  /** Every heading (h1–h6, role=heading), the titles too: each names the section it starts. */
  headings: Element[];
  namedElements: Element[];
  /**
   * First- and last-name fields: an input the rep types in, or the value shown after a label that
   * says "Voornaam", "Cognome" (the label's next element, or its wrapper's).
   */
  nameParts: Array<{ last: boolean; value: Element }>;
  /** `before`: the text just before the address in its text node, or the node just before that: its label, if it ends in a colon ("Email:", "From:"). */
  emails: Array<{ element: Element; email: string; kind: number; before?: string | null }>;
  /**
   * Where the page says the person has no address: the value of their e-mail field shown empty
   * ("—", "Click to add"), or an action offering to add one ("Add email").
   */
  blanks: Element[];
  /** Addresses quoted in prose (a note, an "About" text): no field's value, each with its element. */
  quoted: Array<{ element: Element; email: string }>;
}

/** Class, id or field names that say "this is the record's name". */
const NAME_HINT = /(?:record|entity|contact|person|lead|party|header|cv)[-_]?(?:title|name)|full_?name|display[-_]?name/;
const FIRST_NAME = /first ?name|given|vorname|prenom|nombre\b|nome\b|voornaam|imie/;
const LAST_NAME = /last ?name|family|surname|nachname|^nom$|apellido|sobrenome|cognome|achternaam|nazwisko/;
/** A label that is a name part and nothing else ("Nome account" is another field's). */
const NAME_PART_LABEL = new RegExp(`^(?:${FIRST_NAME.source}|${LAST_NAME.source}):?$`);

/**
 * Kinds of sightings, ranked: a link or field value is meant as the address, text may quote it.
 * A const enum: its values are written in where used, no variables in the content script.
 */
const enum From {
  Text = 1,
  Link = 3,
  Input = 4,
}

/** How much text besides an address makes it a sentence that quotes it. A const enum, as From. */
const enum Prose {
  MinLength = 80,
}

/**
 * One walk over the page and its open shadow roots, skipping the regions that never hold the person.
 * The walk steps through the tree itself rather than through a TreeWalker with a filter: the
 * filter is a call from the browser into script for every element, which cost more than the walk.
 */
function walk(doc: Document): Found {
  const found: Found = { titles: [], headings: [], namedElements: [], nameParts: [], emails: [], blanks: [], quoted: [] };
  const roots: Node[] = [doc.body ?? doc.documentElement];
  while (roots.length) {
    const root = roots.pop()!;
    let node: Node | null = root.firstChild;
    while (node) {
      // Whether to step into the node's children (a skipped region's are never looked at).
      let into = false;
      if (node.nodeType === 3) {
        const at = (node as Text).data.includes('@') ? emailAt(node as Text) : undefined;
        const text = at?.holder.textContent ?? '';
        const element = at && (at.holder === node ? node.parentElement : (at.holder as Element));
        // Quoted, never a field's value: "Sarah Kim <sarah.kim@…>" (a message's sender or recipient), or
        // an address inside prose (a note, an AI summary: more than a label's worth of text around it).
        if (element && !text.includes(`<${at.email}`) && text.length - at.email.length < Prose.MinLength) {
          // What is just before it: in its own text, or (where that is nothing, or the bracket an address
          // written after its owner's name opens: "<a>Kamil Żmuda</a> (kamil@…)") the label element right
          // before the text ("<b>An:</b> …") or the text right before the element that wraps it alone
          // ("Priya Natarajan <span>priya@…</span>").
          const own = text.slice(0, text.indexOf(at.email)).trim();
          // A line break between a card's line and the address is no text of its own ("Héloïse Marchal · Owner<br>heloise@…").
          let beside = element.previousSibling;
          while (beside?.nodeName === 'BR') beside = beside.previousSibling;
          const previous = at.holder.previousSibling ?? (beside?.nodeType === 3 ? beside : null);
          found.emails.push({ element, email: at.email, kind: From.Text, before: own && own !== '(' ? own : (previous?.textContent ?? '') + own });
        } else if (element && !text.includes(`<${at.email}`)) {
          // Every address the sentence quotes: the person's own may follow a relative's.
          let rest = text;
          for (let email = findEmail(rest); email; email = findEmail(rest)) {
            found.quoted.push({ element, email });
            rest = rest.slice(Math.max(1, rest.indexOf(email) + email.length));
          }
        }
      } else if (node.nodeType === 1 && !skipped(node as Element) && !hiddenRegion(node as Element)) {
        into = true;
        visit(node as Element, found, roots);
      }
      if (into && node.firstChild) node = node.firstChild;
      else {
        while (node !== root && !node.nextSibling) node = node.parentNode!;
        node = node === root ? null : node.nextSibling;
      }
    }
  }
  return found;
}

/** Attributes that may say an element's whole value where its text does not (a tooltip, an accessible name). */
const SPOKEN_ATTRIBUTES = ['title', 'aria-label'] as const;

/** What one element of the walk tells: a title, a name field, an address, a shadow root to walk. */
function visit(element: Element, found: Found, roots: Node[]): void {
  if (element.shadowRoot) {
    roots.push(element.shadowRoot);
    // A root attached after its host was inserted is seen here first: the page watch observes it.
    knownShadowRoots()?.found(element.shadowRoot);
  }
  // A value cut short on screen ("priya.raman@ledg…") often carries the whole of it as its title; an
  // action may say it only to assistive technology ("Send email to priya@…" where the field is masked).
  for (const name of SPOKEN_ATTRIBUTES) {
    const said = element.getAttribute(name);
    const email = said?.includes('@') ? findEmail(said) : undefined;
    // What the words before it say ("Email owner:"), as for an address in text.
    if (email) found.emails.push({ element, email, kind: From.Text, before: said!.slice(0, said!.indexOf(email)).trim() });
  }
  const tag = element.tagName;
  const heading = element.getAttribute('role') === 'heading';
  // A disclosure's summary and a fieldset's legend head their sections as a heading does.
  if (heading || /^(?:H[1-6]|SUMMARY|LEGEND)$/.test(tag)) found.headings.push(element);
  if (tag === 'H1' || (heading && element.getAttribute('aria-level') === '1')) found.titles.push(element);
  else if (tag === 'A') {
    const href = element.getAttribute('href') ?? '';
    const email = /^mailto:/i.test(href) ? mailtoAddress(href, element) : undefined;
    if (email) found.emails.push({ element, email, kind: From.Link });
  } else if (tag === 'INPUT') {
    const input = element as HTMLInputElement;
    const says = normalize([input.name, input.id, input.placeholder, input.getAttribute('aria-label'), input.autocomplete].join(' '));
    const email = findEmail(input.value);
    if (email && (input.type === 'email' || input.type === 'text' || EMAIL_LABEL.test(says))) found.emails.push({ element, email, kind: From.Input });
    else if (input.value && (FIRST_NAME.test(says) || LAST_NAME.test(says))) found.nameParts.push({ last: LAST_NAME.test(says), value: input });
  } else if (
    NAME_HINT.test(describing(element) + normalize(element.getAttribute('data-field') ?? '')) ||
    // The name as an editable field that says so to assistive technology (Twenty's inline title).
    /^(?:full )?name$/i.test(element.getAttribute('aria-label') ?? '')
  ) {
    found.namedElements.push(element);
  } else if (!element.firstElementChild && element.textContent!.length < 24) {
    // Only leaves are labels, and only short text is looked at, so the walk's cost barely moves.
    const text = normalize(element.textContent!.trim()).replace(/:$/, '');
    const next = element.nextElementSibling;
    if (NAME_PART_LABEL.test(text)) {
      const value = next ?? element.parentElement?.nextElementSibling;
      if (value) found.nameParts.push({ last: LAST_NAME.test(text), value });
    } else if (OWN_EMAIL_LABEL.test(text) && !inValuePlace(element)) {
      // The person's own e-mail field says they have none: an action offering to add one, or a label
      // (no action's caption, as a composer's "Email" button is) whose value right after its box (the
      // leaf, or the label component it is last in, whose shadow root holds the word), unlike that
      // box (a toolbar's next button is alike), shows none. An empty edit input says nothing: the rep
      // may be typing. A heading "Email" heads a list of messages (a related list beside its "Compose"
      // button), no field.
      const action = element.closest('button,a,[role=button],[role=tab]');
      if (action) {
        // Adding one more address ("Additional emails: -- + Add email", its field's words beside the
        // action) says nothing of the person's own.
        const field = normalize((action.parentElement?.textContent ?? '').replace(action.textContent!, '').slice(0, Field.LabelMax));
        if (ADD_ACTION.test(text) && !SECONDARY.test(field)) found.blanks.push(element);
      } else if (!element.closest('h2,h3,h4')) {
        const box = next ? element : (parentOf(element) ?? element);
        // A word in a line of text ("Email · Prijslijst 2027", a history entry's kind and subject) labels no field.
        if (box !== element && /[\p{L}\p{N}]/u.test(box.textContent!.replace(element.textContent!, ''))) return;
        let value = box.nextElementSibling;
        // A line break between the label and its value is no value.
        while (value?.tagName === 'BR') value = value.nextElementSibling;
        // The address's kind right after the label ("Email", "Work", then the address: Capsule's list
        // named for assistive technology) is a second label: the value comes after it.
        if (value && ADDRESS_KIND.test(normalize(value.textContent!.trim()))) value = value.nextElementSibling;
        // A heading after it starts the next section: the word was a value ("Preferred method: Email").
        // A button after it (the field's pencil, "Details") is an action, not its value.
        if (value && value.tagName + value.className !== box.tagName + box.className && !value.matches(`input,select,textarea,button,${HEADING}`) && !value.querySelector('input,textarea')) found.blanks.push(value);
      }
    }
  }
}

/**
 * An action offering to add the e-mail, in the words the products' translations put before the noun
 * ("Add email", "Ajouter un e-mail", "Añadir correo", "Aggiungi email", "Lägg till e-post", "Dodaj
 * e-mail", "Lisää sähköposti") or after it ("E-Mail hinzufügen", "E-mail toevoegen"), as `normalize`
 * leaves them.
 */
const ADD_BEFORE = '(?:add|ajouter|anadir|agregar|adicionar|aggiungi|lagg till|legg til|tilf[oø]j|dodaj|lisaa) (?:(?:an?|une?|uma|un\'|una) ?)?';
const ADD_AFTER = ' (?:hinzufugen|toevoegen)';
const ADD_ACTION = new RegExp(`^(?:\\+|${ADD_BEFORE})|(?:${ADD_AFTER})$`);

/**
 * A label that is the e-mail field's and nothing more ("E-mail", "Email address", "Adresse e-mail",
 * "Correo electrónico"), or an action to add one ("Add email", "+ Email", "E-Mail hinzufügen"): not
 * "Email opt out", "Last email" or "Assistant email", whose empty value says nothing about the
 * person's address.
 */
const OWN_EMAIL_LABEL = new RegExp(
  `^(?:\\+ ?|${ADD_BEFORE})?(?:(?:adresse|endereco|indirizzo|адрес)(?: de)? )?(?:e-?mail|e-?posta?|courriel|corre[ou](?: electronico?)?|sahkoposti|e?メール|이메일|[电電]子[邮郵]件|${OTHER_SCRIPTS})(?:[ -]?ad+res+e?|アドレス)?(?:${ADD_AFTER})?$`,
);

/** Whether a field's label is the e-mail field's and nothing more (see OWN_EMAIL_LABEL). */
export function isOwnEmailLabel(label: string): boolean {
  return OWN_EMAIL_LABEL.test(normalize(label.trim()));
}

/**
 * How far a field's label is looked for around a value (the field's own few wrappers), and how long
 * a label may be. A const enum, as From.
 */
const enum Field {
  Depth = 5,
  LabelMax = 60,
}

function parentOf(node: Element): Element | null {
  // Up the tree as it is shown: a value slotted into a field component sits where its slot is, beside
  // the label the component keeps in its shadow root.
  return node.assignedSlot ?? node.parentElement ?? ((node.parentNode as ShadowRoot | null)?.host ?? null);
}

function shortText(element: Node | null | undefined): string | undefined {
  const text = element ? cleanText(element.textContent) : undefined;
  return text && text.length <= Field.LabelMax && !text.includes('@') ? text : undefined;
}

/**
 * A flag's words: its text (or what a tag component renders in its own shadow root, "Preferred" in a
 * Crayons fw-tag, or the root's first element when its style sheet makes the whole too long), its
 * `aria-label`, all an icon says (a star labelled "Primary" is heard only by assistive technology),
 * and a checked control's title. What holds a control flags only as a checked choice: of a "Mark as
 * primary" radio in each row, or a "Primary" label round each row's radio, only the checked one marks
 * its row; the next row (its own address's input) flags nothing of this one.
 */
function flagText(element: Element | null | undefined): Array<string | null | undefined> {
  const control = element?.tagName === 'INPUT' ? element : element?.querySelector('input');
  // An open menu beside an address offers actions ("Set as primary"), never a flag.
  if (!element || element.matches('[role^=menu]') || (control && !(control as HTMLInputElement).checked)) return [];
  return [shortText(element) ?? shortText(element.shadowRoot) ?? shortText(element.shadowRoot?.querySelector(':not(style)')), element.getAttribute('aria-label'), control ? element.getAttribute('title') : ''];
}

/** Elements that hold a value (another address, a person's link), never a field's label. */
const VALUE_TAGS = /^(?:A|BUTTON|INPUT|SELECT|TEXTAREA|IMG)$/;

/**
 * What the page says about one shown address: its field's label (the label for an input, the dt of
 * a dd, the header cell of a row, the text just before it), the labelling attributes of the field's
 * wrappers (an owner card's aria-label), and the flags just after it ("Primary", "(Work)").
 */
function contextOf(element: Element): { label: string; flags: string } {
  // join() reads a missing label or flag (undefined, null) as an empty string.
  const labels: Array<string | null | undefined> = [];
  const flags: Array<string | null | undefined> = [];
  let labelFound = false;
  /** Whether a wrapper's own class or id said "email": only a label naming an e-mail is its label then. */
  let selfLabelled = false;
  let node: Element | null = element;
  for (let depth = 0; node && depth < Field.Depth; depth += 1, node = parentOf(node)) {
    for (const name of ['aria-label', 'field-label', 'label', 'data-label', 'data-field', 'data-field-name', 'data-control-name', 'name', 'placeholder']) {
      const value = node.getAttribute(name);
      if (value && !value.includes('@')) labels.push(value);
    }
    if (labelFound) continue;
    // A value whose own class or id says it is the e-mail ("ContactCard-email") labels itself: text
    // before it is its label only if that text names an e-mail too ("Secondary Email"); otherwise it
    // is another field's value (a job title such as "Owner").
    const says = depth < 2 ? describing(node) : '';
    if (EMAIL_LABEL.test(says)) {
      labels.push(says);
      selfLabelled = true;
    }
    // An input's own labels (none for a hidden one): those naming its id, and one wrapped around it.
    if (node.tagName === 'INPUT') labels.push(...[...((node as HTMLInputElement).labels ?? [])].map(shortText));
    labels.push(shortText(labelledBy(node)));
    if (depth < 2) {
      // A flag may be an icon that says it only to assistive technology (a star labelled "Primary").
      const next = node.nextElementSibling;
      flags.push(...flagText(next), ...flagText(next?.nextElementSibling));
      if (node.nextSibling?.nodeType === 3) flags.push(node.nextSibling.textContent);
    }
    let before: Element | null | undefined = node.previousElementSibling;
    if (node.tagName === 'TD' && !before) before = node.parentElement?.querySelector('th');
    // A caption under its value (a tile's "Email" below the address, first in its box) is the value's
    // own label: the text before the box is another tile's.
    const after = before ? undefined : node.nextElementSibling;
    const caption = after && !after.nextElementSibling && !VALUE_TAGS.test(after.tagName) && !after.querySelector('a, input') ? shortText(after) : undefined;
    if (caption && EMAIL_LABEL.test(normalize(caption))) {
      labels.push(caption);
      labelFound = true;
      continue;
    }
    const labelling = before && !VALUE_TAGS.test(before.tagName) && !before.querySelector('a, input') ? before : undefined;
    const shown = shortText(labelling);
    // An icon that labels its field only to assistive technology (a "✉" whose aria-label is "Email"):
    // its words are the label.
    const text = labelling && !/\p{L}/u.test(shown ?? '') ? (labelling.getAttribute('aria-label') ?? labelling.getAttribute('title') ?? shown) : shown;
    const label = selfLabelled && !EMAIL_LABEL.test(normalize(text ?? '')) ? undefined : text;
    // The nearest text before the value is its field's label: further up are other fields' labels.
    // A self-labelled value's field may still say whose e-mail it is further up ("Email Asisten").
    if (label) labels.push(label);
    labelFound = Boolean(label);
  }
  return { label: normalize(labels.join(' | ')), flags: normalize(flags.join(' ')) };
}

/** Ancestors from the element up through shadow hosts, the element first. */
function chain(element: Element): Element[] {
  const list: Element[] = [];
  for (let node: Element | null = element; node; node = parentOf(node)) list.push(node);
  return list;
}

/** Capitalised words in a row, as a person's or an organisation's name is written ("Rhian Price"). */
const NAMED = /\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)+/gu;

/** What compareDocumentPosition says. A const enum, as From. */
const enum Position {
  Following = 4,
}

/**
 * The part of the page a heading heads: its parent, or, where the heading sits in a header bar of
 * its own (the heading with nothing beside it but buttons, icons or a count), the bar's parent. A
 * heading whose part ends before an address (a card's heading, the address in the next card) says
 * nothing about it.
 */
function sectionOf(heading: Element): Element | null {
  let bar: Element = heading;
  let section = parentOf(heading);
  for (let depth = 0; section && depth < 3; depth += 1) {
    const beside = [...section.children].filter((child) => child !== bar);
    // More than a button, an icon or a count beside it (looked at cheaply first: a section's content is big).
    if (beside.some((child) => child.tagName !== 'BUTTON' && (child.childElementCount > 2 || child.textContent!.trim().length > 3))) break;
    bar = section;
    section = parentOf(section);
  }
  return section;
}

/**
 * Whether the section an address is in says it is not the person's: its heading names an activity
 * timeline, history, related records, other people or the company ("Activity History",
 * "Aktivitäten", "Organisation", "People (2)"). The headings looked at are the one a reader takes for
 * the address's (of the headings before it whose part of the page holds it, the one with the
 * smallest part, the last of those) and those that name a wrapper of it (`aria-labelledby`). This
 * holds where class names say nothing (hashed ones) and in flat layouts where one wrapper holds
 * several headed parts. `othersCard` says whether a heading heads someone else's card.
 */
function elsewhereSection(
  element: Element,
  sections: ReadonlyArray<readonly [heading: Element, section: Element | null]>,
  othersCard?: (heading: Element) => boolean,
): boolean {
  const up = chain(element);
  let nearest: Element | undefined;
  let nearestLevel = up.length;
  // Headings come in the walk's order, the page's own within each tree: of two as near, the later wins.
  for (const [heading, section] of sections) {
    const level = section ? up.indexOf(section) : -1;
    // Where the heading's tree meets the address's (across shadow roots, at the host), it must come first.
    const meeting = up.find((node) => node.getRootNode() === heading.getRootNode());
    if (level > 0 && level <= nearestLevel && meeting && !heading.contains(meeting) && heading.compareDocumentPosition(meeting) & Position.Following) {
      nearest = heading;
      nearestLevel = level;
    }
  }
  if (nearest && othersCard?.(nearest)) return true;
  // A wrapper named by a heading of its own (`aria-labelledby`) is that section, however deep the address sits in it.
  const names = [nearest, ...up.map(labelledBy)];
  return names.some((heading) => {
    const text = normalize((heading && shortText(heading)) || '');
    return ELSEWHERE_WORDS.test(text) || COMPANY_HEADING.test(text);
  });
}

/** How many steps apart two elements are in the (shadow-including) tree. */
function distance(a: Element, b: Element): number {
  const up = chain(a);
  const other = chain(b);
  // Chains are a few dozen elements: a scan costs less script than a Set.
  const meet = up.findIndex((node) => other.includes(node));
  return meet < 0 ? up.length + other.length : meet + other.indexOf(up[meet]!);
}

/**
 * The record's address, judged by what the page says around each one shown: an e-mail label wins,
 * a primary flag counts, "secondary"/"home" counts against, someone else's label (the owner, the
 * user, the account) rules it out, and nearness to the record's title breaks what is left.
 */
function chooseEmail(found: Found, title: Element | undefined, name: string | undefined, titledByPerson: boolean): Pick<GenericReading, 'email' | 'emailElement' | 'labelled'> {
  let best: { score: number; email: string; element: Element; labelled: boolean } | undefined;
  // The name's words, worked out once for all the addresses (normalize is not cheap).
  const nameWords = titledByPerson ? wordsOfName(name) : undefined;
  // A card headed by a link to someone who shares no word with the titled person (a hover card of
  // another record, a "Reports To" card) holds that someone's details. Only on a page titled by its
  // person: a company's page heads its own people's cards with their names.
  const namesOther = (text: string | undefined) => !!text && !!nameWords && !wordsOfName(text)?.spellings.some((word) => nameWords.spellings.includes(word));
  const othersCard =
    nameWords &&
    ((heading: Element) => {
      const text = shortText(heading);
      return cleanText(heading.querySelector('a[href]')?.textContent) === text && namesOther(text);
    });
  // A row of a headed table whose first cell links to a record named otherwise (an association card's
  // table of the account's other contacts, a related list) holds that record's details. Same
  // condition: a company's page lists its own people so.
  const othersRow = (element: Element) => {
    const row = element.closest('tr');
    return !!row?.closest('table')?.querySelector('th') && namesOther(shortText(row.cells[0]?.querySelector('a[href]')));
  };
  // Each heading's part of the page, worked out once for all the addresses.
  const sections = found.emails.length ? found.headings.map((heading) => [heading, sectionOf(heading)] as const) : [];
  // The person's own e-mail field shown empty: any address but one the page marks as the person's
  // other address ("Secondary email", "Email 2") is someone else's (a referrer's card, an emergency
  // contact's e-mail field, a note, a colleague's line).
  // A value holds an address if its text shows one (a masked "pri****@****.example" too) or an address
  // the walk found sits inside it (in a shadow root, which the value's text leaves out).
  const blank = found.blanks.some(
    (value) =>
      isShown(value) &&
      !value.textContent!.includes('@') &&
      !found.emails.some(({ element }) => chain(element).includes(value)) &&
      !elsewhereSection(value, sections) &&
      !CONSENT_VALUE.test(normalize(value.textContent!.trim())) &&
      !COUNT_VALUE.test(value.textContent!.trim()) &&
      !chain(value).some((node) => PREFERENCES.test(describing(node))),
  );
  for (const { element, email, kind, before } of found.emails) {
    if (CRM_MAILBOX.test(email) || PLACEHOLDER_EMAIL.test(email) || !isShown(element)) continue;
    // A line that names someone else before the address ("Requester: Rhian Price (rhian@…)",
    // "Colleague: Dana Whitfield, Category Manager · dana@…") is about that someone.
    if (before && [...before.matchAll(NAMED)].some(([words]) => !name?.includes(words) && !EMAIL_LABEL.test(normalize(words)))) continue;
    // A sender or recipient in a message's line ("From owen@… to bronwen@…, cc …"), never a field.
    if (before && MESSAGE_WORD.test(normalize(before))) continue;
    // Text ending in a colon just before the address (in its text node, or the node before) is its label ("Email:").
    const inline = before && before.length < Field.LabelMax && /:\s*$/.test(before) ? normalize(before.trim()) : '';
    // An inline label is the field's own: text before the element is another field's ("Practice Manager").
    const context = contextOf(element);
    const label = inline || context.label;
    // A message's header ("From: …", "Van: …"), in the address's text or just before it, names its
    // sender or recipient, never the record's field.
    const pieces = label.split(' | ');
    if (pieces.some((piece) => MESSAGE_HEADER.test(piece))) continue;
    const { flags } = context;
    const labelled = EMAIL_LABEL.test(label);
    // "Owner & General Manager", "Orgelbaumeister, Inhaber" or "Co-owner" above a contact's addresses
    // is their job title (roles listed, a share of their business), no owner field's label.
    const ownersLabel = pieces.some((piece) => OWNER.test(piece) && !/ & | and |\/|,|co-?owner|mit-?inhaber/.test(piece));
    if (ownersLabel || (labelled && (OTHER_PERSON.test(label) || FORMER.test(label))) || elsewhereSection(element, sections, othersCard) || othersRow(element)) continue;
    // The e-mail field's own label, and nothing more ("Email", Twenty's "Emails", not "Referrer's
    // email"), counts a little more.
    let score = kind + (labelled ? 20 : 0) + (pieces.some((piece) => OWN_EMAIL_LABEL.test(piece.replace(/s$/, ''))) ? 4 : 0);
    // Neither pattern has a space in it, so the two read as one text give the same answers.
    const around = `${label} ${flags}`;
    const secondary = SECONDARY.test(around);
    if (blank && !secondary) continue;
    // Nothing says it is the person's (no e-mail label, no primary flag, not a mailto link in the
    // record's header beside its title) and it does not name them: someone else's address shown
    // before the person's own details render (a timeline's colleague, an owner's card, a sequence's
    // sender).
    // How far from the title, once: it decides both the header's links and the tie-break below.
    const apart = title ? distance(element, title) : Number.POSITIVE_INFINITY;
    const inHeader = kind === From.Link && apart <= 4;
    if (titledByPerson && !labelled && !inHeader && !PRIMARY.test(around) && !namesPerson(email, nameWords)) continue;
    // The CRM's own mark for the main address outranks the kind of address it is: a "Personal"
    // address flagged "Preferred" is the one to look the person up by.
    if (PRIMARY.test(around)) score += 6;
    else if (secondary) score -= 8;
    // An edit input the CRM marks invalid holds what it refused or a stale error over the saved value:
    // of two addresses otherwise alike, the other one. Refused as another contact's ("Another contact
    // already has this email address"), it is that contact's.
    if (element.getAttribute('aria-invalid') === 'true') {
      if (TAKEN.test(normalize(describedBy(element)))) continue;
      score -= 1;
    }
    // An input holds what may not be saved yet: the half-typed "…@saimaa-logistiikka.exa" the rep is
    // typing, or a new address left in an inline editor (with its Save and Cancel) while the header
    // still shows the saved one. The record's address is the saved one: an address shown read-only
    // under an e-mail label outranks it; alone, or beside weaker ones, it is still the field's value.
    if (kind === From.Input || isBeingEdited(element)) score -= 10;
    if (title) score -= Math.min(apart, 20) / 4;
    if (!best || score > best.score) best = { score, email: email.toLowerCase(), element, labelled };
  }
  if (best) return { email: best.email, emailElement: best.element, labelled: best.labelled };
  // A sparse record may keep its person's only address in its own words about them (Capsule's
  // "About" text, a description): one that spells the titled person's first name, not a relative's
  // or a colleague's quoted beside it. Never where the e-mail field is shown empty.
  const given = blank ? undefined : (nameWords ?? wordsOfName(name))?.spellings[0];
  const own =
    given && given.length > 2
      ? found.quoted.find(({ element, email }) => email.toLowerCase().split('@')[0]!.includes(given) && isShown(element) && !elsewhereSection(element, sections, othersCard))
      : undefined;
  return own ? { email: own.email.toLowerCase(), emailElement: own.element, labelled: false } : {};
}

/**
 * Whether an address could be the named person's: it holds one of the name's words ("kealoha" in
 * "pua.kealoha@…", "brandt" in "info@brandt-consulting…") or starts with the name's initials ("jd@…"
 * for Jane Doe). A name in another script ("Богданка") cannot be compared with a Latin address, so
 * it could be anyone's.
 */
function namesPerson(email: string, name: NameWords | undefined): boolean {
  if (!name) return true;
  const address = normalize(email);
  // The mailbox's own words may be a name's first letters ("alex" for Alexander, "chris" for Christopher).
  const mailbox = address.slice(0, address.indexOf('@')).split(/[^a-z]+/).filter((part) => part.length > 2);
  return name.spellings.some((word) => address.includes(word) || mailbox.some((part) => word.startsWith(part))) || address.startsWith(name.initials);
}

/** A name's words as an address may write them, both spellings of an umlaut's or ß's ("Jörg Müller": "joerg.mueller@…", "jorg.muller@…"), and its initials. */
interface NameWords {
  spellings: string[];
  initials: string;
}

/**
 * Whether an element sits where a value goes: in a `dd`, or in the second (fourth, …) cell of a table
 * row of label and value pairs with no header cell ("Preferred Channel" | "Email" | "Do Not Call" | …,
 * Salesforce Classic's detail table). There, "Email" is a field's value, not a label.
 */
function inValuePlace(element: Element): boolean {
  const cell = element.closest('td, dd');
  if (cell?.tagName !== 'TD') return !!cell;
  const cells = [...cell.parentElement!.children];
  return cells.length % 2 === 0 && cells.indexOf(cell) % 2 === 1 && cells.every((other) => other.tagName === 'TD');
}

/** Undefined for no name, or one in another script, which nothing can be compared with. */
function wordsOfName(name: string | undefined): NameWords | undefined {
  const wordsOf = (text: string) => normalize(text).split(/[\s'’.,()-]+/).filter((word) => /^[a-z]{2,}$/.test(word));
  const words = wordsOf(name ?? '');
  if (!words.length) return undefined;
  return { spellings: [...words, ...wordsOf(name!.replace(/[äöü]/gi, '$&e').replace(/ß/g, 'ss'))], initials: words.map((word) => word[0]).join('') };
}

/**
 * Salutations, honorifics and academic titles CRMs put before a name (en/de/fr/es/pt/it/nl, "Dra.",
 * German "Dipl.-Ing.", Dutch "ir.", Turkish "Bay"/"Bayan", Czech "Ing.", Indonesian "Bpk."/"Ibu",
 * Malay "Encik"/"Puan", Vietnamese "Ông"/"Bà", Burmese "Daw", Arabic "د." and "Sheikh", Hebrew
 * "מר"/"גב'"/"ד״ר", Chinese "女士", Thai "คุณ", Hindi "श्री"/"श्रीमती", British "Sir"/"Dame", clergy's
 * "The Revd Canon", "Rabbi", "Pastor"), one or several ("Prof. dr. ir.").
 */
const SALUTATION =
  /^(?:(?:mr|mrs|ms|miss|mx|dra?|prof|herr|frau|m|mme|mlle|sr|sra|srta|dona?|sig|sig\.ra|dott\.?ssa|prof\.?ssa|dott|mgr|bc|arch|doc|mudr|judr|phdr|rndr|dhr|mevr|mw|ir|dipl\.-ing|bay(?:an)?|ing\.|the|revd?|canon|rabbi|pastor|sir|dame|sheikha?|shaikh|bpk|ibu|encik|puan|ông|bà|daw|د|מר|גב'|ד״ר|ד"ר|女士|คุณ|श्रीमती|श्री)\.?\s+)+/i;
/** What CRMs and their integrations title a record with that has no name ("Untitled", "(No name)", Web-to-Lead's "[not provided]", Account Engagement's "[[unknown]]", "N/A"). */
const PLACEHOLDER_NAME = /^(?:untitled|\[*(?:unknown|not provided)\]*|\(?no name\)?|n\/a)$/;
/**
 * Page titles and headings that name a page, an action on a record ("Edit Contact", "Neuer Lead",
 * Salesforce Classic's "Contact Edit", Zoho's "Kontakt bearbeiten", "Modifica Contatto", "Nieuw
 * contactpersoon"), a list shown behind a record's dialog (Salesforce's "Recently Viewed", "All
 * Contacts", "My Leads"), a section or a column ("Contact Information", "Name") or a product, never
 * a person (en/de/fr/es/pt/it/nl/pl).
 */
const NOT_A_NAME =
  /^(?:(?:edit(?:ar)?|new|create|crea|criar|all|my|recently viewed|neue?[rs]?|modifier|modifica|bewerk|nouve(?:au|l)|nuev[oa]|nuov[oa]|nov[oa]|nieuwe?)\s+)?(?:contac?t(?:o?s?|t[io])|contactperso(?:on|nen)|kontakt[ey]?|lead[sy]?|person(?:n?e|en?|a)?s?|osoby|people|pessoas?|(?:person )?accounts?|deals?|opportunit(?:y|ies)|(?:\w+[ -])?(?:details?|overview|summary|information(?:en)?)|records?|home|dashboard|inbox|recently viewed|informacion|informacao|compan(?:y|ies)|(?:full )?name|loading\W*|cargando\W*|chargement\W*|wird geladen\W*|caricamento\W*)(?:\s*\(\d+\)| edit| bearbeiten| bewerken)?$|salesforce|hubspot|pipedrive|zoho|dynamics|twenty|capsule|\bclose\b|freshsales|freshworks|\bcrm\b|edition/i;

/**
 * "Svoboda, Petr": a name shown family name first, as CRMs do when the organisation's name format
 * says so (Dynamics, Salesforce in some locales). One comma, no digits or "&"; the part after the
 * comma is no suffix ("Smith, Jr.", "Ng, PhD") and the whole is no company ("Acme, Inc.").
 */
const FAMILY_FIRST = /^([^,\d&@]+), ([^,\d&@]+)$/;
const NOT_A_GIVEN_NAME = /^(?:[js]r|i+|iv|phd|md)\.?$|\b(?:inc|llc|ltd|gmbh|corp|co|ag|sa|bv|plc|ab|as)\.?$/i;

export function tidyName(text: string | null | undefined): string | undefined {
  // An aside in brackets ("Alexandra (Sasha) Ivanova", "Sam Rivera (they/them)"), what a spaced dash
  // or dot adds after the name (Zoho's "- Polder Tulpen B.V.", Dynamics' "- Saved", an import's "-"
  // for a missing last name, Close's "· Survey Operations Lead") and a degree after it
  // ("Priya Subramaniam PhD", "Omar Haddad, MD", an honour's "DBE") are not part of it, nor a
  // disclosure toggle's glyph before it (Close's "▾ Marisol Quintero"), emoji a web form's visitor put
  // around it ("✨ Tamsin Rowe ✨", "Priyanka Raghavan 🌻 (she/her)") or inside it ("Rónán 🌊 Ó
  // Súilleabháin": an emoji, where a text symbol inside a name, "Zoë ☆ Lin", is the name's own) or
  // a breadcrumb's trail ("Personer / Ingrid Bergström").
  const shown = cleanText(text)?.replace(/^[\p{S}\u200d\ufe0f]+ | [\p{S}\u200d\ufe0f]+(?=$| \()| [\p{Emoji_Presentation}\u200d\ufe0f]+(?= )|^.* \/ | ?\([^)]*\)| [-–—·•](?: .*)?$|,? (?:Ph\.?D\.?|MD|MBA|CSc\.|[CDGKMO]BE|Esq\.)$/gu, '').replace(SALUTATION, '').trim();
  const [, family, given] = FAMILY_FIRST.exec(shown ?? '') ?? [];
  const name = given && !NOT_A_GIVEN_NAME.test(given) ? `${given} ${family}` : shown;
  // Digits make a sentence or a date ("This lead was converted on 11/18/2026"), never a person's
  // name. A name has a letter (not a toggle's "▸", an empty field's "—") and no colon after it:
  // "Contact:" labels what follows (Salesforce Classic's heading above the name).
  const words = name && normalize(name);
  return words && name.length <= 120 && /^[^@\d]*\p{L}[^@\d:]*$/u.test(name) && !NOT_A_NAME.test(words) && !PLACEHOLDER_NAME.test(words) ? name : undefined;
}

/** What sits in a title beside the name and is not part of it: a badge, a status, hidden helper text, the object's label ("Contact"). */
const BESIDE_THE_NAME = /badge|pill|(?:^|[\s_-])tag|status|chip|icon|sr-only|assistive|visually-?hidden|entity-?name|title-label/;

/**
 * Text including what open shadow roots and slots render (an h1 whose name is inside a web component). Two
 * elements side by side are two words ("<span>Maria</span><span>Schmidt</span>", spaced by the
 * CRM's CSS, as a browser shows them); an element's text beside a text node is not split ("O<b>'</b>Brien").
 */
export function composedText(element: Element, buttonsAreText?: boolean): string {
  // A slot shows what the page assigns to it (Lightning's highlights panel slots the name into its
  // title), and its own children only when nothing is.
  const assigned = (element as HTMLSlotElement).assignedNodes?.();
  const nodes = assigned?.length ? assigned : (element.shadowRoot ?? element).childNodes;
  return [...nodes]
    .map((node) => {
      if (node.nodeType === 3) return (node as Text).data;
      if (node.nodeType !== 1) return '';
      const child = node as Element;
      // A link in a title is often the name itself; buttons and icons never are.
      if ((child.tagName !== 'A' && !(buttonsAreText && child.tagName === 'BUTTON') && VALUE_TAGS.test(child.tagName)) || child.tagName === 'svg' || BESIDE_THE_NAME.test(describing(child))) return ' ';
      // Marked at both ends: where two marks meet, two elements do.
      return `\0${composedText(child, buttonsAreText)}\0`;
    })
    .join('')
    .replace(/\0\0/g, ' ')
    .replace(/\0/g, '');
}

/** The name in `document.title` once the CRM's own words are gone ("Contacto: Lucía ~ Salesforce"). */
function nameFromDocumentTitle(doc: Document): string | undefined {
  return doc.title
    .split(/\s[|~–—·-]\s/)
    .map((part) => tidyName(part.replace(/^(?:[^:]{1,30}:\s*)+/, '')))
    .find(Boolean);
}

function chooseName(found: Found, doc: Document): { name?: string; title?: Element } {
  // A title that is the navigation's current item names the module the page is in (an object an admin
  // renamed, "Donors"), not the record.
  let modules: string[] | undefined;
  for (const [index, element] of [...found.titles, ...found.namedElements].entries()) {
    // A title whose tooltip holds its start is the name, whatever follows it ("Maarten de Wit- Saved").
    // In an element that says it is the name (a title too), its buttons are the name's parts, each
    // edited in place.
    const text = composedText(element, index >= found.titles.length || NAME_HINT.test(describing(element)));
    const tooltip = element.getAttribute('title');
    const name = tidyName(tooltip && cleanText(text)?.startsWith(tooltip) ? tooltip : text);
    // A record titled with what an import or a form writes for a missing name has none: no section
    // heading or card further down is its name.
    if (!name && index < found.titles.length && PLACEHOLDER_NAME.test(normalize(cleanText(text) ?? '')) && isShown(element)) return { title: element };
    if (!name || !isShown(element)) continue;
    modules ??= [...doc.querySelectorAll('[aria-current="page"]')].map((item) => cleanText(item.textContent) ?? '');
    if (!modules.includes(name)) return { name, title: element };
  }
  // A field is the last name's when it says so ("Sobrenome" holds "nome"), else the first name's.
  // Both are needed: one alone is half a name, and "Nome" is the whole name in some products.
  const [given, family] = [false, true].map((last) =>
    found.nameParts.find((part) => part.last === last && isShown(part.value) && valueOf(part.value)),
  );
  const name = given && family ? tidyName(`${valueOf(given.value)} ${valueOf(family.value)}`) : undefined;
  return name ? { name, title: given!.value } : { name: nameFromDocumentTitle(doc) };
}

/** A name field's value: its text, or what is typed in its input (beside a salutation's select, as Zoho's edit page has it). */
function valueOf(element: Element): string | undefined {
  // An input has no children: its own query finds nothing and leaves it.
  const field = element.querySelector('input') ?? element;
  return field.tagName === 'INPUT' ? (field as HTMLInputElement).value : shortText(element);
}

/** A name's words: each capitalised (or of a script without case), but for particles ("van der"). */
const NAME_WORD = /^(?:[\p{Lu}\p{Lo}]|(?:de|da|del|der|den|van|von|la|le|du|dos|das|di|y)$)/u;

/** A text that reads as a person's name with no hint around it: a name, each word written as names are. */
export function writtenAsName(text: string | null | undefined): string | undefined {
  const name = tidyName(text);
  return name?.split(' ').every((word) => NAME_WORD.test(word)) ? name : undefined;
}

/**
 * The person's card heading when the page titles no one (no h1, no name in the tab's title): the
 * first heading of the nearest wrapper of the chosen address that has one, if it reads as a name.
 */
function headingNear(element: Element | undefined): string | undefined {
  for (let node = element && parentOf(element), depth = 0; node && depth < Field.Depth; node = parentOf(node), depth += 1) {
    const heading = node.querySelector('h2, h3');
    if (!heading) continue;
    return isShown(heading) ? writtenAsName(composedText(heading)) : undefined;
  }
  return undefined;
}

/**
 * Reads the record's name and e-mail from any record page. Never throws on odd markup.
 * `titledByPerson`: whether the page's title names the person (not a Close lead's company, a
 * Pipedrive deal or a Capsule party that may be an organisation), so an address with no label
 * must name them to be theirs.
 */
export function readGenericIdentity(doc: Document, titledByPerson = true): GenericReading {
  const found = walk(doc);
  const { name, title } = chooseName(found, doc);
  const email = chooseEmail(found, title, name, titledByPerson);
  // Nothing else: a tab title that names the record by its address too ("Contact : Name (name@…) : Freshsales").
  const titled = email.email ? undefined : findEmail(doc.title)?.toLowerCase();
  // A record titled with a placeholder has no name to find in its cards either.
  return { name: name ?? (title ? undefined : headingNear(email.emailElement)), ...email, ...(titled && { email: titled }) };
}
