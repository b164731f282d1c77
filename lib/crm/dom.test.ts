import { beforeEach, describe, expect, it } from 'vitest';
import { deepQueryAll, emailAt, findEmail, firstShownEmail, firstShownText, inOneRead, labelledBy, mailtoAddress } from './dom';

/** A host element with an open shadow root holding `html`. */
function shadowHost(html: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('x-panel');
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return { host, root };
}

describe('deepQueryAll', () => {
  beforeEach(() => document.body.replaceChildren());

  it('finds matches in the page and in open shadow roots, nested ones too', () => {
    const outer = shadowHost('<a class="email">b@x.example</a>');
    const inner = shadowHost('<a class="email">c@x.example</a>');
    outer.root.append(inner.host);
    document.body.innerHTML = '<a class="email">a@x.example</a>';
    document.body.append(outer.host);
    expect(deepQueryAll(document, 'a.email').map((element) => element.textContent).sort()).toEqual(['a@x.example', 'b@x.example', 'c@x.example']);
  });

  it('finds the shadow roots once within one read, and afresh in the next read', () => {
    document.body.append(shadowHost('<a class="email">b@x.example</a>').host);
    const withinRead = inOneRead(() => {
      const first = deepQueryAll(document, 'a.email');
      // Only Leadside's own code runs during a read; this stands in for a page change between reads.
      document.body.append(shadowHost('<a class="email">c@x.example</a>').host);
      return [first, deepQueryAll(document, 'a.email')];
    });
    expect(withinRead.map((found) => found.length)).toEqual([1, 1]);
    expect(inOneRead(() => deepQueryAll(document, 'a.email'))).toHaveLength(2);
    expect(deepQueryAll(document, 'a.email')).toHaveLength(2);
  });
  it('leaves out the shadow roots of hidden hosts (a kept page), but not of a display: contents host', () => {
    const kept = document.createElement('div');
    kept.style.display = 'none';
    kept.append(shadowHost('<a class="email">old@x.example</a>').host);
    const shown = document.createElement('div');
    shown.append(shadowHost('<a class="email">new@x.example</a>').host);
    const wrapper = shadowHost('<a class="email">slot@x.example</a>');
    wrapper.host.style.display = 'contents';
    shown.append(wrapper.host);
    document.body.append(kept, shown);
    expect(inOneRead(() => deepQueryAll(document, 'a.email')).map((element) => element.textContent).sort()).toEqual(['new@x.example', 'slot@x.example']);
    // Shown again (Lightning re-shows a kept page): found again by the next read.
    kept.style.display = '';
    expect(deepQueryAll(document, 'a.email')).toHaveLength(3);
  });
});

describe('firstShownText', () => {
  it('takes nothing that `visibility: hidden` hides (a console’s parked session)', () => {
    document.body.innerHTML = `<section style="visibility: hidden"><h1>Petra Golob</h1></section><section><h1>Nina Kovačič</h1></section>`;
    expect(firstShownText(document, ['h1'])).toBe('Nina Kovačič');
  });
});

describe('labelledBy', () => {
  it('takes the first of the ids a field is named by together ("kind label value"), as the field’s kind', () => {
    document.body.innerHTML = `<span id="k">Email</span><span id="l">Work</span><a id="v" aria-labelledby=" k  l v">x@y.example</a>`;
    expect(labelledBy(document.getElementById('v')!)?.textContent).toBe('Email');
  });
});

describe('findEmail and mailtoAddress', () => {
  it('takes no address cut short on screen', () => {
    expect(findEmail('kwame.osei-bonsu@regional-procurement.accra-cocoa-pr…')).toBeUndefined();
    expect(findEmail('kwame@accra.example... then kwame@accra-cocoa.example')).toBe('kwame@accra-cocoa.example');
  });

  it('reads a link to an internationalised domain as the address it shows', () => {
    const link = document.createElement('a');
    link.textContent = 'lotte@gärtnerei-übelhör.example';
    expect(mailtoAddress('mailto:lotte@xn--grtnerei-belhr-5hb41akd.example', link)).toBe('lotte@gärtnerei-übelhör.example');
    // Another mailbox shown, or no link given: the href's own address.
    link.textContent = 'info@gärtnerei-übelhör.example';
    expect(mailtoAddress('mailto:lotte@xn--grtnerei-belhr-5hb41akd.example', link)).toBe('lotte@xn--grtnerei-belhr-5hb41akd.example');
    expect(mailtoAddress('mailto:lotte@xn--grtnerei-belhr-5hb41akd.example')).toBe('lotte@xn--grtnerei-belhr-5hb41akd.example');
  });
});

describe('findEmail', () => {
  it('finds an address on an internationalised domain, and none of the text in another script before it', () => {
    expect(findEmail('Zoë: zoe@café-goa.example')).toBe('zoe@café-goa.example');
    expect(findEmail('邮箱li.wei@huadong.example联系')).toBe('li.wei@huadong.example');
  });

  it('finds an address under a top-level domain in its own letters or in punycode, whole', () => {
    expect(findEmail('s.belousov@белоусов-мебель.рф')).toBe('s.belousov@белоусов-мебель.рф');
    expect(findEmail('s.belousov@xn----9sbbcocb7bfgta2b1a8l.xn--p1ai')).toBe('s.belousov@xn----9sbbcocb7bfgta2b1a8l.xn--p1ai');
    const link = document.createElement('a');
    link.textContent = 's.belousov@белоусов-мебель.рф';
    expect(mailtoAddress('mailto:s.belousov@xn----9sbbcocb7bfgta2b1a8l.xn--p1ai', link)).toBe('s.belousov@белоусов-мебель.рф');
  });

  it('reads a local part with Latin letters beyond ASCII whole, never its ASCII tail', () => {
    expect(findEmail('E-Mail: josé.núñez@bodega-sur.example')).toBe('josé.núñez@bodega-sur.example');
    expect(findEmail('jürgen.weiß@bäckerei-müller.example')).toBe('jürgen.weiß@bäckerei-müller.example');
    // "é" as e + a combining acute accent, as text pasted from some systems carries it.
    expect(findEmail('rene\u0301@atelier.example')).toBe('rene\u0301@atelier.example');
  });

  it('finds the address in text, whatever surrounds it', () => {
    expect(findEmail('Email: priya.raman@ledgerly.io (work)')).toBe('priya.raman@ledgerly.io');
    expect(findEmail("o'brien+crm@mail.example.co.uk,")).toBe("o'brien+crm@mail.example.co.uk");
    expect(findEmail('@ handle then anna@acme.example')).toBe('anna@acme.example');
    expect(findEmail('no address here')).toBeUndefined();
  });

  it('reads an address through the invisible wrap hints a CRM puts in it (zero-width spaces, soft hyphens)', () => {
    expect(findEmail('keziah.\u200bmwangi@\u200brift-valley-roasters.\u200bexample')).toBe('keziah.mwangi@rift-valley-roasters.example');
    expect(findEmail('Email: frederique@atelier-van\u00addenbroucke.example')).toBe('frederique@atelier-vandenbroucke.example');
  });

  it('stays linear on a long run of letters with no address (a single RegExp is quadratic there)', () => {
    const text = 'a'.repeat(200_000) + '@';
    const started = performance.now();
    expect(findEmail(text)).toBeUndefined();
    expect(findEmail('x'.repeat(100_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('firstShownEmail', () => {
  it('reads a mailto: link with a malformed escape without throwing', () => {
    document.body.innerHTML = '<a href="mailto:ana%E0%A4%A@acme.example">Ana</a><a href="mailto:ben@acme.example">Ben</a>';
    expect(() => firstShownEmail(document, ['a[href^="mailto:"]'])).not.toThrow();
  });

  it('reads a value rendered right against its label (no space between, as React renders a field)', () => {
    document.body.innerHTML = '<div class="field"><label>Email</label><div><span>greta.hoffmann@isar.example</span></div></div>';
    expect(firstShownEmail(document, ['.field'])).toBe('greta.hoffmann@isar.example');
  });
  it('reads an address broken with <wbr> so it can wrap, without the label rendered right against it', () => {
    document.body.innerHTML = '<div class="field"><label>Email</label><div><span>Anastasia.<wbr>Whitaker@<wbr>Maritime-<wbr>Logistics.<wbr>example</span></div></div>';
    expect(firstShownEmail(document, ['.field'])).toBe('anastasia.whitaker@maritime-logistics.example');
  });
});

describe('emailAt', () => {
  const textWithAt = (root: Node) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Text).data.includes('@')) return node as Text;
    throw new Error('no text with an @');
  };

  it('takes an address whole from its own text', () => {
    document.body.innerHTML = '<p>Email: ana@tejo.example</p>';
    expect(emailAt(textWithAt(document.body))).toEqual({ email: 'ana@tejo.example', holder: document.querySelector('p')!.firstChild });
  });

  it('puts an address together from the pieces its wrappers hold (a span per part, <wbr> breaks)', () => {
    document.body.innerHTML = '<div><label>E-mail</label><span class="v"><span>ana.lima</span><span>@tejo.example</span></span></div>';
    expect(emailAt(textWithAt(document.body))).toMatchObject({ email: 'ana.lima@tejo.example', holder: document.querySelector('.v') });
  });

  it('puts together pieces that carry wrap hints (a zero-width space after the @)', () => {
    document.body.innerHTML = '<div><span class="v"><span>ana.lima</span><span>@\u200btejo.\u200bexample</span></span></div>';
    expect(emailAt(textWithAt(document.body))).toMatchObject({ email: 'ana.lima@tejo.example', holder: document.querySelector('.v') });
  });

  it('never takes another address beside the piece, nor looks above `within`', () => {
    document.body.innerHTML = '<div><span>team@</span> <a href="#">ops@other.example</a></div>';
    expect(emailAt(textWithAt(document.body))).toBeUndefined();
    document.body.innerHTML = '<div><span class="v">ana.lima</span><span class="at">@</span>tejo.example</div>';
    const piece = textWithAt(document.body);
    expect(emailAt(piece, document.querySelector('.at')!)).toBeUndefined();
    expect(emailAt(piece)?.email).toBe('ana.lima@tejo.example');
  });
});
