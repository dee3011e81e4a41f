import type pg from 'pg';
import type { UpdateLog } from '../ports.ts';
import { transaction } from './tx.ts';

async function read(client: pg.PoolClient, documentId: string, lock: boolean) {
  const compacted = await client.query<{ state: Buffer }>(
    `SELECT state FROM document_states WHERE document_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [documentId],
  );
  const tail = await client.query<{ seq: number; data: Buffer }>(
    'SELECT seq, data FROM document_updates WHERE document_id = $1 ORDER BY seq',
    [documentId],
  );
  const state = compacted.rows[0]?.state;
  return { state: state ? new Uint8Array(state) : undefined, rows: tail.rows };
}

export function postgresUpdateLog(pool: pg.Pool): UpdateLog {
  return {
    async append(documentId, update) {
      // Autocommit with synchronous_commit=on: the WAL record is flushed when the query returns.
      const { rows } = await pool.query<{ seq: number }>('INSERT INTO document_updates (document_id, data) VALUES ($1, $2) RETURNING seq', [
        documentId, Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      ]);
      return rows[0]!.seq;
    },
    async load(documentId) {
      // REPEATABLE READ: state and tail from one snapshot even while another instance compacts.
      const client = await pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const { state, rows } = await read(client, documentId, false);
        await client.query('COMMIT');
        return { state, updates: rows.map((row) => new Uint8Array(row.data)) };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async compact(documentId, merge) {
      return transaction(pool, async (client) => {
        // One compaction per document at a time, across instances.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [documentId]);
        const { state, rows } = await read(client, documentId, true);
        if (rows.length === 0) return 0;
        const parts = rows.map((row) => new Uint8Array(row.data));
        const merged = merge(state ? [state, ...parts] : parts);
        await client.query(
          `INSERT INTO document_states (document_id, state, upto_seq) VALUES ($1, $2, $3)
           ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq`,
          [documentId, Buffer.from(merged), rows.at(-1)!.seq],
        );
        // Delete exactly what was merged: an update committed meanwhile, even with a lower
        // sequence number (sequences are taken before commit), stays for the next load.
        await client.query('DELETE FROM document_updates WHERE document_id = $1 AND seq = ANY($2::bigint[])', [
          documentId, rows.map((row) => row.seq),
        ]);
        return rows.length;
      });
    },
    async tailLength(documentId) {
      const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM document_updates WHERE document_id = $1', [documentId]);
      return rows[0]!.n;
    },
  };
}
