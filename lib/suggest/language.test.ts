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

  it('takes the stated language first, then the written one, then the country, then the time zone', () => {
    expect(leadLanguage(lead({ language: 'pt-BR', problems: [{ text: 'We need quotes faster than this', form: 'f', submittedAt: '2026-11-01T00:00:00Z' }] }))).toEqual({ language: 'pt', evidence: 'stated' });
    expect(leadLanguage(lead({ country: 'IT', problems: [{ text: 'Nos patients oublient leurs rendez-vous', form: 'f', submittedAt: '2026-11-01T00:00:00Z' }] }))?.language).toBe('fr');
    expect(leadLanguage(lead({ country: 'Brasil' }))).toEqual({ language: 'pt', evidence: 'country' });
    expect(leadLanguage(lead({ contact: { doNotCall: false, doNotEmail: false, timeZone: 'Europe/Madrid' } }))).toEqual({ language: 'es', evidence: 'time zone' });
    expect(leadLanguage(lead({}))).toBeUndefined();
  });

  it('reads tags and countries loosely and names languages for the rep', () => {
    expect(primaryLanguage('de_AT')).toBe('de');
    expect(primaryLanguage('not a tag')).toBeUndefined();
    expect(languageOfCountry('Österreich')).toBe('de');
    expect(languageOfCountry('Atlantis')).toBeUndefined();
    expect(languageName('it')).toBe('Italian');
  });
});
