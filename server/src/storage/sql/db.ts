/**
 * The little SQL both adapters share. Repositories in this folder are written once, with `$1`
 * placeholders and SQL that PostgreSQL and SQLite both run; each adapter supplies a `SqlDb`.
 * Flags are INTEGER 0/1 and timestamps are BIGINT milliseconds in both.
 */
export interface SqlExecutor {
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<{ changes: number }>;
}

export interface SqlDb extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Run `work` in one transaction; `snapshot` asks for one consistent read view (PostgreSQL REPEATABLE READ). */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>, options?: { snapshot?: boolean }): Promise<T>;
  /** Inside a transaction: hold a lock named by `key` until it ends (PostgreSQL advisory lock; SQLite has one writer already). */
  lock(tx: SqlExecutor, key: string): Promise<void>;
  close(): Promise<void>;
  /**
   * Make deleted rows unrecoverable from the database files (SQLite: checkpoint and truncate the
   * WAL, VACUUM, truncate again). PostgreSQL has no such step: see docs/security.md.
   */
  scrub?(): Promise<void>;
}

/** Convert a 0/1 column to a boolean. */
export const flag = (value: unknown): boolean => value === 1 || value === true || value === '1';

/** Ids come from URLs: one that is not a UUID can match nothing (and PostgreSQL would reject it). */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A unique constraint refused the row (SQLite's message; PostgreSQL's SQLSTATE 23505), or PostgreSQL could not serialise the transaction. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return code === '23505' || code === '40001' || /UNIQUE constraint failed/.test(error.message);
}
