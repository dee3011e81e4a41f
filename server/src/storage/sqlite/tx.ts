import type { DatabaseSync } from 'node:sqlite';

/** Run `work` in one write transaction; BEGIN IMMEDIATE takes the write lock up front. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
