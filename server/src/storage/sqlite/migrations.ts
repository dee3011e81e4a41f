import type { DatabaseSync } from 'node:sqlite';
import { migrationsFor } from '../sql/schema.ts';

/** Schema migrations (sql/schema.ts), applied in order on start. */
export const migrations: readonly string[] = migrationsFor('sqlite');

export function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let version = row.user_version; version < migrations.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version]!);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
