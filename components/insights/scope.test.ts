import { describe, expect, it } from 'vitest';
import type { Insights } from '@/lib/store/insights-load';
import { createI18n } from '@/lib/i18n/create';
import { fallbackNotice as fallbackIn, scopeLine as scopeIn } from './scope';

const t = createI18n('en').getFixedT('en', 'insights');
const scopeLine = (view: Parameters<typeof scopeIn>[0]) => scopeIn(view, t);
const fallbackNotice = (view: Parameters<typeof fallbackIn>[0]) => fallbackIn(view, t);

const insights = {} as Insights; // the wording does not read the numbers
const origin = { from: 'leadside' as const, host: 'leadside.acme.example' };

describe('whose numbers Insights shows', () => {
  it('names the team, its reps and the server for the team view', () => {
    expect(scopeLine({ scope: 'team', insights, team: { name: 'Acme sales', reps: 2 }, origin })).toBe(
      'Team data: Acme sales, 2 reps, from the Leadside server (leadside.acme.example).',
    );
    expect(scopeLine({ scope: 'team', insights, team: { name: 'Solo', reps: 1 }, origin })).toContain('1 rep,');
    expect(scopeLine({ scope: 'team', insights, origin: { from: 'rest', host: 'gateway.acme.example' } })).toBe(
      'Team data from your REST gateway (gateway.acme.example).',
    );
  });

  it("says this browser's numbers are only this browser's, and why the team's are missing", () => {
    expect(scopeLine({ scope: 'browser', insights })).toBe("From this browser's data only.");
    expect(fallbackNotice({ scope: 'browser', insights })).toBeUndefined();
    expect(fallbackNotice({ scope: 'browser', insights, teamFailure: { error: 'The Leadside server (leadside.acme.example) answered 503: down', origin } })).toBe(
      "The team's numbers could not be loaded: The Leadside server (leadside.acme.example) answered 503: down. The numbers below are this browser's only.",
    );
    expect(fallbackNotice({ scope: 'browser', insights, teamFailure: { error: 'The token is missing, wrong or expired.' } })).toContain(
      'expired. The numbers below',
    );
  });

  it("says it in the rep's language, with their plural and number format", () => {
    const fr = createI18n('fr').getFixedT('fr', 'insights');
    expect(scopeIn({ scope: 'team', insights, team: { name: 'Acme sales', reps: 1200 }, origin }, fr)).toBe(
      'Données de l’équipe : Acme sales, 1\u202f200 commerciaux, depuis le serveur Leadside (leadside.acme.example).',
    );
    expect(scopeIn({ scope: 'browser', insights }, createI18n('de').getFixedT('de', 'insights'))).toBe('Nur aus den Daten dieses Browsers.');
  });
});
