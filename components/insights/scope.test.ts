import { describe, expect, it } from 'vitest';
import type { Insights } from '@/lib/store/insights-load';
import { fallbackNotice, scopeLine } from './scope';

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
});
