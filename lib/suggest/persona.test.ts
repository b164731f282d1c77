import { describe, expect, it } from 'vitest';
import { personaOfTitle } from './persona';

/** Job titles as marketing systems hold them, in en/de/fr/es/pt (and it), with the persona each stands for. */
const TITLES: Array<[string, string | undefined]> = [
  ['Head of RevOps', 'Revenue operations'],
  ['Head of Sales Operations', 'Revenue operations'],
  ['VP Sales', 'Sales'],
  ['Leiter Vertrieb', 'Sales'],
  ['Vertriebsleiterin', 'Sales'],
  ['Directeur commercial', 'Sales'],
  ['Gerente Comercial', 'Sales'],
  ['Diretor de Vendas', 'Sales'],
  ['Direttore vendite', 'Sales'],
  ['Jefa de Compras', 'Procurement'],
  ['Einkaufsleiter', 'Procurement'],
  ['Acheteur', 'Procurement'],
  ['Head of Procurement', 'Procurement'],
  ['CISO', 'Security'],
  ['Responsable de la sécurité informatique', 'Security'],
  ['Justiziarin', 'Legal'],
  ['General Counsel', 'Legal'],
  ['Advogada', 'Legal'],
  ['CFO', 'Finance'],
  ['Leiter Controlling', 'Finance'],
  ['Head of IT', 'IT'],
  ['Jefe de Sistemas', 'IT'],
  ['Geschäftsführer', 'Executive'],
  ['Chief Executive Officer', 'Executive'],
  ['Directora de Operaciones', 'Operations'],
  ['Leiterin Disposition', 'Operations'],
  ['Jefe de Logística', 'Operations'],
  ['Chief Operating Officer', 'Operations'],
  ['Marketing Manager', 'Marketing'],
  ['Compliance Officer', 'Compliance'],
  ['Responsable RH', 'HR'],
  ['Astronaut', undefined],
  ['', undefined],
];

describe('personaOfTitle', () => {
  it.each(TITLES)('%s → %s', (title, persona) => {
    expect(personaOfTitle(title)).toBe(persona);
  });

  it('does not read a word inside another ("it" in "Kitchen")', () => {
    expect(personaOfTitle('Kitchen Manager')).toBeUndefined();
  });
});
