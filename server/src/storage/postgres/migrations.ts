import type { PoolClient } from 'pg';
import { migrationsFor } from '../sql/schema.ts';

/** Schema migrations (sql/schema.ts), applied in order on start. */
export const migrations: readonly string[] = migrationsFor('postgres');

/** Arbitrary constant naming the advisory lock that serialises migrations across instances. */
const migrationLock = 7_406_203;

export async function migrate(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    for (let version = rows[0]?.version ?? 0; version < migrations.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[version]!);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [version + 1, Date.now()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]);
  }
}
