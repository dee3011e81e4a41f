import pg from 'pg';
import type { Store } from '../ports.ts';
import { sqlStore } from '../sql/index.ts';
import { postgresDb } from './db.ts';
import { migrate } from './migrations.ts';

const int8Oid = 20;

/** BIGINT columns hold millisecond timestamps and sequence numbers, all below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8Oid ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Schema to use instead of `public` (tests use a throwaway one). */
  schema?: string;
}

/**
 * PostgreSQL store for running several instances. `synchronous_commit=on` is set on every
 * connection so an acknowledged update is on the server's disk, whatever the database default.
 */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<Store> {
  const settings = ['-c synchronous_commit=on'];
  if (options.schema) settings.push(`-c search_path=${options.schema}`);
  const pool = new pg.Pool({ connectionString: url, options: settings.join(' '), types, max: 10 });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await migrate(client);
  } finally {
    client.release();
  }
  return sqlStore(postgresDb(pool));
}
