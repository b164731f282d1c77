import { describe, expect, it } from 'vitest';
import { leadProfile } from '@/test/support/lead-profile';
import { detectLanguage, languageName, languageOfCountry, leadLanguage, primaryLanguage } from './language';

const lead = leadProfile;

describe('language', () => {
  it('detects the language a short problem is written in', () => {
    expect(detectLanguage('Nos patients oublient leurs rendez-vous.')).toBe('fr');
    expect(detectLanguage('Die Angebotserstellung dauert bei uns viel zu lange.')).toBe('de');
    expect(detectLanguage('Troppi pazienti saltano le visite senza disdire.')).toBe('it');
    expect(detectLanguage('Os pacientes esquecem as consultas e a agenda fica cheia de buracos.')).toBe('pt');
    expect(detectLanguage('Los clientes se enteran de los retrasos antes que nosotros.')).toBe('es');
    expect(detectLanguage('We find out a truck is late when the customer calls us.')).toBe('en');
    expect(detectLanguage('SOC 2')).toBeUndefined();
  });

  it('detects the languages whose function words come from the stopword package too', () => {
    expect(detectLanguage('Onze facturen komen nog per post binnen en niemand weet wie ze moet goedkeuren.')).toBe('nl');
    expect(detectLanguage('Nasze faktury przychodzą pocztą i nikt nie wie, kto ma je zatwierdzić.')).toBe('pl');
    expect(detectLanguage('Våra fakturor kommer fortfarande med posten och ingen vet vem som ska godkänna dem.')).toBe('sv');
  });

  it('detects Czech, Turkish and other languages of the stopword package, and languages by their script', () => {
    expect(detectLanguage('Dobrý den, při přejímce bytů máme pokaždé stovky vad a subdodavatelé je odstraňují celé týdny.')).toBe('cs');
    expect(detectLanguage('Kat görevlileri odaların hazır olduğunu hâlâ telefonla bildiriyor ve bu çok zaman alıyor, bir çözüm var mı?')).toBe('tr');
    expect(detectLanguage('機材管理では Plant を使っています。入場前にスマホで済ませられないか')).toBe('ja');
    expect(detectLanguage('我们的工地每天都有很多安全问题')).toBe('zh');
    expect(detectLanguage('객실 청소 상태를 프런트에서 바로 알 수 있나요?')).toBe('ko');
    expect(detectLanguage('Πώς μπορούμε να μειώσουμε τις ακυρώσεις;')).toBe('el');
    expect(detectLanguage('Our housekeepers still call the front desk when a room is ready.')).toBe('en');
  });

  it('takes the stated language first, then the written one, then the country, then the time zone', () => {
    expect(leadLanguage(lead({ language: 'pt-BR', problems: [{ text: 'We need quotes faster than this', form: 'f', submittedAt: '2026-11-01T00:00:00Z' }] }))).toEqual({ language: 'pt', evidence: 'stated' });
    expect(leadLanguage(lead({ country: 'IT', problems: [{ text: 'Nos patients oublient leurs rendez-vous', form: 'f', submittedAt: '2026-11-01T00:00:00Z' }] }))?.language).toBe('fr');
    expect(leadLanguage(lead({ country: 'Brasil' }))).toEqual({ language: 'pt', evidence: 'country' });
    expect(leadLanguage(lead({ contact: { doNotCall: false, doNotEmail: false, timeZone: 'Europe/Madrid' } }))).toEqual({ language: 'es', evidence: 'time zone' });
    expect(leadLanguage(lead({}))).toBeUndefined();
  });

  it('finds the language of any country and time zone, with the business language where it differs', () => {
    const zone = (timeZone: string) => leadLanguage(lead({ contact: { doNotCall: false, doNotEmail: false, timeZone } }));
    expect(zone('Europe/Prague')).toEqual({ language: 'cs', evidence: 'time zone' });
    expect(zone('Asia/Seoul')?.language).toBe('ko');
    expect(zone('Europe/Oslo')?.language).toBe('no');
    expect(zone('Asia/Kolkata')?.language).toBe('en');
    expect(zone('Etc/UTC')).toBeUndefined();
    for (const [country, language] of [['CZ', 'cs'], ['Czechia', 'cs'], ['Česko', 'cs'], ['Czech Republic', 'cs'], ['Norway', 'no'], ['Türkiye', 'tr'], ['Turkey', 'tr'], ['India', 'en'], ['Belgium', 'fr'], ['Magyarország', 'hu'], ['USA', 'en'], ['UK', 'en'], ['Morocco', 'fr'], ['PY', 'es']]) {
      expect(languageOfCountry(country), country).toBe(language);
    }
    // Bokmål and Nynorsk are the catalog's Norwegian.
    expect(primaryLanguage('nb-NO')).toBe('no');
  });

  it('reads tags and countries loosely and names languages for the rep', () => {
    expect(primaryLanguage('de_AT')).toBe('de');
    expect(primaryLanguage('not a tag')).toBeUndefined();
    expect(languageOfCountry('Österreich')).toBe('de');
    expect(languageOfCountry('Atlantis')).toBeUndefined();
    expect(languageName('it')).toBe('Italian');
  });
});
