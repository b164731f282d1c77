import { describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n/create';
import { notFoundText } from './not-found-text';

const english = createI18n('en').getFixedT('en', 'sidepanel');
const german = createI18n('de').getFixedT('de', 'sidepanel');

describe('where the lead was not found', () => {
  it.each([
    [['HubSpot'], 'mo@brightwave.example', 'No HubSpot contact for mo@brightwave.example.'],
    [['Mautic'], undefined, 'Not in Mautic.'],
    [['HubSpot', 'Mautic'], 'mo@brightwave.example', 'Neither HubSpot nor Mautic has a contact for mo@brightwave.example.'],
    [['HubSpot', 'Mautic'], undefined, 'Not in HubSpot or Mautic.'],
    [['HubSpot', 'Mautic', 'REST'], 'mo@brightwave.example', 'None of HubSpot, Mautic, or REST has a contact for mo@brightwave.example.'],
    [['Demo data'], 'mo@brightwave.example', 'mo@brightwave.example is not in the demo data.'],
    [[], undefined, 'Marketing has no record of this person.'],
  ])('%j, %s → %s', (systems, email, expected) => {
    expect(notFoundText(systems, email, english, 'en')).toBe(expected);
  });

  it('joins the systems the way the rep’s language does', () => {
    expect(notFoundText(['HubSpot', 'Mautic'], undefined, german, 'de')).toBe('Nicht in HubSpot oder Mautic.');
  });
});
