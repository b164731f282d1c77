import { sql, type RawBuilder } from 'kysely';

/**
 * A value for a jsonb column. Sent as text and cast by PostgreSQL: `pg` and PGlite serialize a
 * parameter typed jsonb differently (one would store a JSON string of the JSON), text they agree on.
 */
export const jsonb = (value: unknown): RawBuilder<string> => sql<string>`cast(${JSON.stringify(value)} as text)::jsonb`;
