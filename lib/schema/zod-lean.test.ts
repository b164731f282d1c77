import { describe, expect, it } from 'vitest';
import * as mini from 'zod/mini';
import * as z from './zod-lean';

/** One shape built both ways: zod-lean must accept, refuse and strip exactly as zod/mini does. */
const lean = z.object({
  kind: z.literal('person', 'lead'),
  name: z.string(),
  email: z.optional(z.nullable(z.union([z.string(), z.array(z.object({ value: z.string(), primary: z.optional(z.boolean()) }))]))),
  id: z.optional(z.number()),
});
const reference = mini.object({
  kind: mini.literal(['person', 'lead']),
  name: mini.string(),
  email: mini.optional(mini.nullable(mini.union([mini.string(), mini.array(mini.object({ value: mini.string(), primary: mini.optional(mini.boolean()) }))]))),
  id: mini.optional(mini.number()),
});

const CASES: unknown[] = [
  { kind: 'person', name: 'Ana' },
  { kind: 'lead', name: 'Ana', email: 'a@b.example', id: 7, extra: 'dropped' },
  { kind: 'person', name: 'Ana', email: [{ value: 'a@b.example', primary: true }, { value: 'c@d.example' }] },
  { kind: 'person', name: 'Ana', email: null },
  { kind: 'deal', name: 'Ana' },
  { kind: 'person', name: 7 },
  { kind: 'person', name: 'Ana', email: [{ value: 3 }] },
  { kind: 'person', name: 'Ana', id: Number.NaN },
  { kind: 'person', name: 'Ana', id: '7' },
  { kind: 'person' },
  null,
  'person',
  [],
];

describe('zod-lean', () => {
  it.each(CASES.map((value) => [JSON.stringify(value) ?? String(value), value]))('parses %s as zod/mini does', (_label, value) => {
    const ours = z.safeParse(lean, value);
    const theirs = reference.safeParse(value);
    expect(ours.success).toBe(theirs.success);
    if (ours.success && theirs.success) expect(ours.data).toEqual(theirs.data);
    else expect(ours.success || ours.issues.map((issue) => [issue.code, issue.path ?? []])).toEqual(theirs.error?.issues.map((issue) => [issue.code, issue.path]));
  });

  it('drops keys the schema does not name, and gives the parsed value its type', () => {
    const parsed = z.safeParse(lean, { kind: 'lead', name: 'Ana', extra: 1 });
    expect(parsed.success && parsed.data).toEqual({ kind: 'lead', name: 'Ana' });
    const typed: z.Infer<typeof lean> | undefined = parsed.success ? parsed.data : undefined;
    expect(typed?.kind).toBe('lead');
  });
});
