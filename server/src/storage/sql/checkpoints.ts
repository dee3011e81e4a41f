import { randomUUID } from 'node:crypto';
import type { Checkpoint, CheckpointReason, CheckpointStore } from '../history-ports.ts';
import { isUuid, type SqlDb } from './db.ts';

const bytes = (value: Uint8Array) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

interface CheckpointRow {
  id: string;
  document_id: string;
  created_at: number;
  reason: CheckpointReason;
  created_by: string | null;
}

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  id: row.id,
  documentId: row.document_id,
  createdAt: Number(row.created_at),
  reason: row.reason,
  createdBy: row.created_by,
});

export function sqlCheckpoints(db: SqlDb): CheckpointStore {
  return {
    async create(input) {
      const checkpoint: Checkpoint = { id: randomUUID(), documentId: input.documentId, createdAt: input.createdAt, reason: input.reason, createdBy: input.createdBy };
      await db.run(
        'INSERT INTO document_checkpoints (id, document_id, created_at, reason, created_by, state, content) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [checkpoint.id, checkpoint.documentId, checkpoint.createdAt, checkpoint.reason, checkpoint.createdBy, input.state, input.content],
      );
      return checkpoint;
    },
    async list(documentId) {
      if (!isUuid(documentId)) return [];
      const rows = await db.all<CheckpointRow>(
        'SELECT id, document_id, created_at, reason, created_by FROM document_checkpoints WHERE document_id = $1 ORDER BY created_at DESC, id',
        [documentId],
      );
      return rows.map(toCheckpoint);
    },
    async get(id) {
      if (!isUuid(id)) return undefined;
      const row = await db.get<CheckpointRow & { state: Uint8Array; content: string }>('SELECT * FROM document_checkpoints WHERE id = $1', [id]);
      return row && { ...toCheckpoint(row), state: bytes(row.state), content: row.content };
    },
    async delete(ids) {
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        await db.run(`DELETE FROM document_checkpoints WHERE id IN (${chunk.map((_, index) => `$${index + 1}`).join(', ')})`, chunk);
      }
    },
  };
}
