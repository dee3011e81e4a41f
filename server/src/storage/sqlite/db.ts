import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SqlDb, SqlExecutor } from '../sql/db.ts';

/** `$1` → `?1`: SQLite reads numbered parameters as `?NNN`. */
const placeholders = (sql: string) => sql.replace(/\$(\d+)/g, '?$1');

function bind(params: readonly unknown[]): SQLInputValue[] {
  return params.map((value) => {
    if (value === undefined) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value as SQLInputValue;
  });
}

/**
 * node:sqlite is synchronous and has one connection, so an async transaction must not let other
 * statements interleave with it: every statement and transaction goes through one queue.
 */
export function sqliteDb(db: DatabaseSync): SqlDb {
  const cache = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = db.prepare(placeholders(sql))));
    return statement;
  };
  const direct: SqlExecutor = {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).all(...bind(params)) as T[];
    },
    async get<T>(sql: string, params: readonly unknown[] = []) {
      return prepare(sql).get(...bind(params)) as T | undefined;
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return { changes: Number(prepare(sql).run(...bind(params)).changes) };
    },
  };

  let queue: Promise<unknown> = Promise.resolve();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work, work);
    queue = result.catch(() => {});
    return result;
  }

  return {
    dialect: 'sqlite',
    all: (sql, params) => exclusive(() => direct.all(sql, params)),
    get: (sql, params) => exclusive(() => direct.get(sql, params)),
    run: (sql, params) => exclusive(() => direct.run(sql, params)),
    transaction(work) {
      return exclusive(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      });
    },
    async lock() {},
    scrub() {
      // secure_delete (set at open) zeroes deleted content in pages; the checkpoint moves the WAL's
      // frames (which still hold old page images) into the file and truncates the WAL to nothing;
      // VACUUM rewrites the file without free pages, and its own WAL frames are checkpointed too.
      return exclusive(async () => {
        db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
        db.exec('VACUUM');
        db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      });
    },
    async close() {
      await exclusive(async () => {
        if (db.isOpen) db.close();
      });
    },
  };
}
