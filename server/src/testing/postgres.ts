import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../storage/postgres/index.ts';
import type { Store } from '../storage/ports.ts';

/** The PostgreSQL every machine here runs; override with TEST_DATABASE_URL. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A store in a throwaway schema, dropped again by `cleanup`. */
export async function openThrowawayPostgres(): Promise<{ store: Store; schema: string; cleanup: () => Promise<void> }> {
  const schema = `yp_test_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore(testDatabaseUrl, { schema });
  return {
    store,
    schema,
    async cleanup() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
