import { describe, expect, it } from 'vitest';
import { clip, errorPageText, httpUrl, oneLineText, pageUrl, textOfHtml, utmValue } from './vendor-text';

describe('textOfHtml', () => {
  it('keeps a rich-text value’s words, its breaks and one blank line between paragraphs, not its tags or entities', () => {
    expect(textOfHtml('<p>We run 14 clinics &amp; 3 labs.</p>\n<p>Audits take <b>three</b> weeks.<br>Help?</p>')).toBe('We run 14 clinics & 3 labs.\n\nAudits take three weeks.\nHelp?');
  });

  it('leaves prose with a lone "<" as the lead wrote it', () => {
    expect(textOfHtml('SSO & SCIM für <200 Nutzer, a < b')).toBe('SSO & SCIM für <200 Nutzer, a < b');
  });
});

describe('errorPageText', () => {
  it('says a proxy’s error page by its title', () => {
    expect(errorPageText('<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center>cloudflare</center></body></html>')).toBe('502 Bad Gateway');
  });

  it('says a page without a title by its text on one line, and other text as it came', () => {
    expect(errorPageText('<html><body><h1>Down</h1>\n<p>Back soon.</p></body></html>')).toBe('Down Back soon.');
    expect(errorPageText('{"message":"<none>"}')).toBe('{"message":"<none>"}');
    // PHP's own error, printed where the JSON should have been.
    expect(errorPageText('<br />\n<b>Fatal error</b>:  Allowed memory size exhausted in <b>/var/www/x.php</b> on line <b>12</b><br />')).toBe(
      'Fatal error: Allowed memory size exhausted in /var/www/x.php on line 12',
    );
  });
});

describe('oneLineText', () => {
  it('gives a rich-text value\'s words on one line, and none for markup alone or blanks', () => {
    expect(oneLineText('<p><strong>SOC 2</strong> in 11 weeks</p><script>alert(1)</script>')).toBe('SOC 2 in 11 weeks');
    expect(oneLineText('Keyline &amp; Okta\n guide')).toBe('Keyline & Okta guide');
    expect(oneLineText('<p></p>')).toBeUndefined();
    expect(oneLineText('  ')).toBeUndefined();
    expect(oneLineText(undefined)).toBeUndefined();
  });
});

describe('utmValue', () => {
  it('takes a value as clicked, and no tracking template placeholder nobody filled in', () => {
    expect(utmValue(' soc 2 audit software ')).toBe('soc 2 audit software');
    expect(utmValue('Q4 {DACH} ABM')).toBe('Q4 {DACH} ABM');
    for (const placeholder of ['{keyword}', '{creative}', '{{ad.name}}', '{{campaign.id}}', '%%campaign%%', '[utm_term]', '', '  ', null, undefined]) {
      expect(utmValue(placeholder), String(placeholder)).toBeUndefined();
    }
  });
});

describe('clip', () => {
  it('cuts text longer than the limit and marks the cut', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    expect(clip('abcd', 4)).toBe('abcd');
  });
  it('never cuts an emoji in half', () => {
    // "ab😀c" is a, b, the emoji's two halves, c: cut to 4, the emoji would be split after its first half.
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('abc😀d', 5)).toBe('abc…');
  });
});

describe('httpUrl', () => {
  it('keeps an http(s) address as it came, and nothing else', () => {
    expect(httpUrl(' https://www.keyline.example/pricing?utm_source=mail ')).toBe('https://www.keyline.example/pricing?utm_source=mail');
    for (const value of ['javascript:alert(1)', '/s/pages/view/8', 42, undefined]) expect(httpUrl(value), String(value)).toBeUndefined();
  });

  it('keeps the page of an address too long for a profile, and drops one whose page alone is too long', () => {
    const state = 'x'.repeat(2400);
    expect(httpUrl(`https://www.keyline.example/pricing/calculator?state=${state}`)).toBe('https://www.keyline.example/pricing/calculator');
    expect(httpUrl(`https://www.keyline.example/pricing/calculator?q=1#${state}`)).toBe('https://www.keyline.example/pricing/calculator?q=1');
    expect(httpUrl(`https://www.keyline.example/${state}`)).toBeUndefined();
  });
});

describe('pageUrl', () => {
  it('keeps the page and its campaign tags, without anyone’s click or visitor id, its host in lower case', () => {
    expect(pageUrl('https://WWW.Keyline.example/pricing?plan=team&_hsmi=2981&_hsenc=p2ANqtz-x&utm_source=hs_email&gclid=Cj0K&mtc_id=77#faq')).toBe(
      'https://www.keyline.example/pricing?plan=team&utm_source=hs_email#faq',
    );
    // A query with nothing to take out stays as it came, its own encoding included.
    expect(pageUrl('https://www.keyline.example/search?q=soc%202+audit')).toBe('https://www.keyline.example/search?q=soc%202+audit');
    expect(pageUrl('javascript:alert(1)')).toBeUndefined();
  });
});
