import type { DatabaseSync } from 'node:sqlite';
import type { UpdateLog } from '../ports.ts';
import { transaction } from './tx.ts';

export function sqliteUpdateLog(db: DatabaseSync): UpdateLog {
  const insert = db.prepare('INSERT INTO document_updates (document_id, data) VALUES (?, ?)');
  const state = db.prepare('SELECT state, upto_seq FROM document_states WHERE document_id = ?');
  const tail = db.prepare('SELECT seq, data FROM document_updates WHERE document_id = ? AND seq > ? ORDER BY seq');
  const tailLength = db.prepare(
    `SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?
     AND seq > COALESCE((SELECT upto_seq FROM document_states WHERE document_id = ?), 0)`,
  );
  const upsertState = db.prepare(
    `INSERT INTO document_states (document_id, state, upto_seq) VALUES (?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq`,
  );
  const prune = db.prepare('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?');

  return {
    async append(documentId, update) {
      // Autocommit: with synchronous=FULL the row is on disk when run() returns.
      const result = insert.run(documentId, update);
      return Number(result.lastInsertRowid);
    },
    async load(documentId) {
      // One read transaction, so state and tail come from the same snapshot even while compaction runs.
      return transaction(db, () => {
        const compacted = state.get(documentId) as { state: Uint8Array; upto_seq: number } | undefined;
        const from = compacted?.upto_seq ?? 0;
        const rows = tail.all(documentId, from) as unknown as { seq: number; data: Uint8Array }[];
        return {
          state: compacted?.state,
          updates: rows.map((row) => row.data),
          lastSeq: rows.at(-1)?.seq ?? from,
        };
      });
    },
    async compact(documentId, merged, uptoSeq) {
      transaction(db, () => {
        upsertState.run(documentId, merged, uptoSeq);
        prune.run(documentId, uptoSeq);
      });
    },
    async tailLength(documentId) {
      return (tailLength.get(documentId, documentId) as { n: number }).n;
    },
  };
}
