import { Migrator, NO_MIGRATIONS, type Kysely } from 'kysely';
import { migrationProvider } from './migrations';

/** Brings the schema to the latest migration (or to `target`, a migration name, for tests). */
export async function migrate(db: Kysely<any>, target?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } =
    target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target === 'none' ? NO_MIGRATIONS : target);
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`.replace('  ', ' '));
  }
}
