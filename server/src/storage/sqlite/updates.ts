import type { DatabaseSync } from 'node:sqlite';
import type { UpdateLog } from '../ports.ts';
import { transaction } from './tx.ts';

export function sqliteUpdateLog(db: DatabaseSync): UpdateLog {
  const insert = db.prepare('INSERT INTO document_updates (document_id, data) VALUES (?, ?)');
  const state = db.prepare('SELECT state FROM document_states WHERE document_id = ?');
  const tail = db.prepare('SELECT seq, data FROM document_updates WHERE document_id = ? ORDER BY seq');
  const tailLength = db.prepare('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?');
  const upsertState = db.prepare(
    `INSERT INTO document_states (document_id, state, upto_seq) VALUES (?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, upto_seq = excluded.upto_seq`,
  );
  const prune = db.prepare('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?');

  function read(documentId: string) {
    const compacted = state.get(documentId) as { state: Uint8Array } | undefined;
    const rows = tail.all(documentId) as unknown as { seq: number; data: Uint8Array }[];
    return { state: compacted?.state, rows };
  }

  return {
    async append(documentId, update) {
      // Autocommit: with synchronous=FULL the row is on disk when run() returns.
      return Number(insert.run(documentId, update).lastInsertRowid);
    },
    async load(documentId) {
      const { state, rows } = transaction(db, () => read(documentId));
      return { state, updates: rows.map((row) => row.data) };
    },
    async compact(documentId, merge) {
      // SQLite has one writer, so nothing can commit between the read and the delete.
      return transaction(db, () => {
        const { state, rows } = read(documentId);
        if (rows.length === 0) return 0;
        const parts = state ? [state, ...rows.map((row) => row.data)] : rows.map((row) => row.data);
        const upto = rows.at(-1)!.seq;
        upsertState.run(documentId, merge(parts), upto);
        prune.run(documentId, upto);
        return rows.length;
      });
    },
    async tailLength(documentId) {
      return (tailLength.get(documentId) as { n: number }).n;
    },
  };
}
