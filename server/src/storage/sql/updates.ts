import type { UpdateLog } from '../ports.ts';
import type { SqlDb, SqlExecutor } from './db.ts';

/** Rows per INSERT statement in a group commit (two parameters each, well under either database's limit). */
const appendChunk = 200;

const bytes = (value: Uint8Array) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

async function read(tx: SqlExecutor, documentId: string) {
  const compacted = await tx.get<{ state: Uint8Array }>('SELECT state FROM document_states WHERE document_id = $1', [documentId]);
  const rows = await tx.all<{ seq: number; data: Uint8Array }>('SELECT seq, data FROM document_updates WHERE document_id = $1 ORDER BY seq', [documentId]);
  return { state: compacted ? bytes(compacted.state) : undefined, rows: rows.map((row) => ({ seq: Number(row.seq), data: bytes(row.data) })) };
}

/**
 * Write a new state made from the stored state and updates, and delete exactly the updates read:
 * an update committed meanwhile, even with a lower sequence number (PostgreSQL takes them before
 * commit), stays for the next load. Returns how many updates were folded in.
 */
async function replaceHistory(
  db: SqlDb,
  documentId: string,
  make: (parts: Uint8Array[]) => Uint8Array,
  options: { skipWhenNoUpdates: boolean },
): Promise<number> {
  return db.transaction(async (tx) => {
    await db.lock(tx, `history:${documentId}`);
    const { state, rows } = await read(tx, documentId);
    if (rows.length === 0 && options.skipWhenNoUpdates) return 0;
    const parts = rows.map((row) => row.data);
    await tx.run(
      `INSERT INTO document_states (document_id, state, upto_seq) VALUES ($1, $2, $3)
       ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq`,
      [documentId, make(state ? [state, ...parts] : parts), rows.at(-1)?.seq ?? 0],
    );
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((row) => row.seq);
      const list = chunk.map((_, index) => `$${index + 2}`).join(', ');
      await tx.run(`DELETE FROM document_updates WHERE document_id = $1 AND seq IN (${list})`, [documentId, ...chunk]);
    }
    return rows.length;
  });
}

export function sqlUpdateLog(db: SqlDb): UpdateLog {
  return {
    async append(documentId, update) {
      // Autocommit: committed (SQLite synchronous=FULL, PostgreSQL synchronous_commit=on) when it returns.
      const row = await db.get<{ seq: number }>('INSERT INTO document_updates (document_id, data) VALUES ($1, $2) RETURNING seq', [documentId, update]);
      return Number(row!.seq);
    },
    async appendMany(entries) {
      if (entries.length === 0) return;
      // One transaction, so one commit (one fsync on SQLite) for the whole group; rows take
      // sequence numbers in the order given.
      await db.transaction(async (tx) => {
        for (let i = 0; i < entries.length; i += appendChunk) {
          const chunk = entries.slice(i, i + appendChunk);
          const values = chunk.map((_, index) => `($${2 * index + 1}, $${2 * index + 2})`).join(', ');
          await tx.run(`INSERT INTO document_updates (document_id, data) VALUES ${values}`, chunk.flatMap((entry) => [entry.documentId, entry.update]));
        }
      });
    },
    async load(documentId) {
      // One snapshot, so state and tail agree even while another instance compacts.
      const { state, rows } = await db.transaction((tx) => read(tx, documentId), { snapshot: true });
      return { state, updates: rows.map((row) => row.data) };
    },
    async compact(documentId, merge) {
      return replaceHistory(db, documentId, merge, { skipWhenNoUpdates: true });
    },
    async rewrite(documentId, rewrite) {
      await replaceHistory(db, documentId, rewrite, { skipWhenNoUpdates: false });
      await db.scrub?.();
    },
    async tailLength(documentId) {
      return (await db.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM document_updates WHERE document_id = $1', [documentId]))!.n;
    },
  };
}
