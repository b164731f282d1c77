/**
 * zod for the content scripts on the CRM page, which must stay small (≤ 15 KB gzipped each): zod's
 * own core schema classes (`zod/v4/core`, what zod/mini and zod are built on), made directly. zod/mini
 * wraps each of them in a class that adds methods (`parse`, `check`, `clone`, `brand`, `register`…) and
 * their code, which every content script carried although it only ever calls `safeParse`: building on
 * the core classes saved ~0.6 KB gzipped per script (the validation itself is zod's, unchanged).
 * Only the kinds the content scripts need; anything else should use `zod` (extension pages, worker)
 * or `zod/mini`.
 */
import * as core from 'zod/v4/core';

export type Schema = core.$ZodType;
/** What a schema parses to, as `z.infer`. */
export type Infer<T extends Schema> = core.output<T>;

/** What `safeParse` gives: the parsed value, or the raw issues (code and path; zod's words are not made). */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; issues: core.$ZodRawIssue[] };

/**
 * zod's own `safeParse` without its error object: the schema runs exactly as there (`_zod.run`, the
 * entry point every zod schema is built on), but a refused value's issues are not turned into a
 * `$ZodError` with localised messages, which no content script shows anyone. That machinery (error
 * classes, message formatting) was ~0.28 KB gzipped of every content script. zod-lean.test.ts holds
 * it to zod/mini's answers, so a zod upgrade that changed `_zod.run` would fail there.
 */
export function safeParse<T extends Schema>(schema: T, value: unknown): SafeParseResult<Infer<T>> {
  const result = schema._zod.run({ value, issues: [] }, { async: false }) as core.ParsePayload<Infer<T>>;
  return result.issues.length ? { success: false, issues: result.issues } : { success: true, data: result.value };
}

/**
 * Strings, with no checks: zod's check machinery (length, format) would cost every content script
 * ~0.45 KB gzipped. What the content scripts parse is bounded where it is made (the worker's glance)
 * or only read for a few fields (the CRM's API answers).
 */
export const string = (): core.$ZodString => new core.$ZodString({ type: 'string' });
export const number = (): core.$ZodNumber => new core.$ZodNumber({ type: 'number' });
/** Anything: for a value checked where it is read. */
export const unknown = (): core.$ZodUnknown => new core.$ZodUnknown({ type: 'unknown' });
export const boolean = (): core.$ZodBoolean => new core.$ZodBoolean({ type: 'boolean' });
/** One of these exact values, as `z.literal` (also in place of `z.enum`). */
export const literal = <const T extends core.util.Literal>(...values: T[]) => new core.$ZodLiteral({ type: 'literal', values }) as core.$ZodLiteral<T>;
/** Unknown keys are dropped, as `z.object`. */
export const object = <const Shape extends core.$ZodShape>(shape: Shape) =>
  new core.$ZodObject({ type: 'object', shape }) as unknown as core.$ZodObject<Shape, core.$strip>;
export const array = <T extends Schema>(element: T) => new core.$ZodArray({ type: 'array', element }) as core.$ZodArray<T>;
export const union = <const T extends readonly Schema[]>(options: T) => new core.$ZodUnion({ type: 'union', options }) as core.$ZodUnion<T>;
export const optional = <T extends Schema>(innerType: T) => new core.$ZodOptional({ type: 'optional', innerType }) as core.$ZodOptional<T>;
export const nullable = <T extends Schema>(innerType: T) => new core.$ZodNullable({ type: 'nullable', innerType }) as core.$ZodNullable<T>;
