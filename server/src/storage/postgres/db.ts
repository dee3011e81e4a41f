import pg from 'pg';
import type { SqlDb, SqlExecutor } from '../sql/db.ts';

function bind(params: readonly unknown[]): unknown[] {
  return params.map((value) => {
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return value;
  });
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async all<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, bind(params))).rows as T[];
    },
    async get<T>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, bind(params))).rows[0] as T | undefined;
    },
    async run(sql: string, params: readonly unknown[] = []) {
      return { changes: (await client.query(sql, bind(params))).rowCount ?? 0 };
    },
  };
}

export function postgresDb(pool: pg.Pool): SqlDb {
  return {
    dialect: 'postgres',
    ...executor(pool),
    async transaction(work, options = {}) {
      const client = await pool.connect();
      try {
        await client.query(options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
        const result = await work(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async lock(tx, key) {
      await tx.run('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}
