import { randomUUID } from 'node:crypto';
import type { DocumentType } from '@yhteispaja/model';
import type { Snapshot, SnapshotDocument, SnapshotStore } from '../history-ports.ts';
import { isUniqueViolation, type SqlDb } from './db.ts';
import { isUuid } from './db.ts';

const bytes = (value: Uint8Array) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

/** Two requests racing for the same version number: the loser retries with the next one. */
const maxNumberingAttempts = 20;

interface SnapshotRow {
  id: string;
  workshop_id: string;
  version: number;
  label: string;
  created_at: number;
  created_by: string;
  created_by_name: string;
  participants: string;
  sha256: string;
}

interface SnapshotDocumentRow {
  document_id: string;
  position: number;
  type: DocumentType;
  title: string;
  state: Uint8Array;
  content: string;
}

function toSnapshot(row: SnapshotRow): Snapshot {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    version: Number(row.version),
    label: row.label,
    createdAt: Number(row.created_at),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    participants: JSON.parse(row.participants),
    sha256: row.sha256,
  };
}

function toDocument(row: SnapshotDocumentRow): SnapshotDocument {
  return { documentId: row.document_id, position: Number(row.position), type: row.type, title: row.title, state: bytes(row.state), content: row.content };
}

/** Snapshots are written once and never updated: this adapter has no UPDATE or DELETE for them. */
export function sqlSnapshots(db: SqlDb): SnapshotStore {
  return {
    async captureWorkshop(workshopId) {
      return db.transaction(
        async (tx) => {
          const documents = await tx.all<{ id: string; type: DocumentType; title: string }>(
            'SELECT id, type, title FROM documents WHERE workshop_id = $1 ORDER BY created_at, id',
            [workshopId],
          );
          const captured = [];
          for (const document of documents) {
            const state = await tx.get<{ state: Uint8Array }>('SELECT state FROM document_states WHERE document_id = $1', [document.id]);
            const updates = await tx.all<{ data: Uint8Array }>('SELECT data FROM document_updates WHERE document_id = $1 ORDER BY seq', [document.id]);
            const parts = updates.map((row) => bytes(row.data));
            captured.push({ documentId: document.id, type: document.type, title: document.title, parts: state ? [bytes(state.state), ...parts] : parts });
          }
          return captured;
        },
        { snapshot: true },
      );
    },
    async create(input, seal) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await db.transaction(async (tx) => {
            const last = await tx.get<{ version: number | null }>('SELECT MAX(version) AS version FROM snapshots WHERE workshop_id = $1', [input.workshopId]);
            const snapshot: Snapshot = {
              id: randomUUID(),
              workshopId: input.workshopId,
              version: Number(last?.version ?? 0) + 1,
              label: input.label,
              createdAt: input.createdAt,
              createdBy: input.createdBy,
              createdByName: input.createdByName,
              participants: input.participants,
              sha256: '',
            };
            snapshot.sha256 = seal(snapshot.version);
            await tx.run(
              `INSERT INTO snapshots (id, workshop_id, version, label, created_at, created_by, created_by_name, participants, sha256)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
              [snapshot.id, snapshot.workshopId, snapshot.version, snapshot.label, snapshot.createdAt, snapshot.createdBy, snapshot.createdByName, JSON.stringify(snapshot.participants), snapshot.sha256],
            );
            for (const document of input.documents) {
              await tx.run(
                'INSERT INTO snapshot_documents (snapshot_id, document_id, position, type, title, state, content) VALUES ($1, $2, $3, $4, $5, $6, $7)',
                [snapshot.id, document.documentId, document.position, document.type, document.title, document.state, document.content],
              );
            }
            return snapshot;
          });
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= maxNumberingAttempts) throw error;
        }
      }
    },
    async get(id) {
      if (!isUuid(id)) return undefined;
      const row = await db.get<SnapshotRow>('SELECT * FROM snapshots WHERE id = $1', [id]);
      return row && toSnapshot(row);
    },
    async byVersion(workshopId, version) {
      if (!isUuid(workshopId)) return undefined;
      const row = await db.get<SnapshotRow>('SELECT * FROM snapshots WHERE workshop_id = $1 AND version = $2', [workshopId, version]);
      return row && toSnapshot(row);
    },
    async listForWorkshop(workshopId) {
      if (!isUuid(workshopId)) return [];
      return (await db.all<SnapshotRow>('SELECT * FROM snapshots WHERE workshop_id = $1 ORDER BY version', [workshopId])).map(toSnapshot);
    },
    async documents(snapshotId) {
      if (!isUuid(snapshotId)) return [];
      const rows = await db.all<SnapshotDocumentRow>('SELECT * FROM snapshot_documents WHERE snapshot_id = $1 ORDER BY position', [snapshotId]);
      return rows.map(toDocument);
    },
    async document(snapshotId, documentId) {
      if (!isUuid(snapshotId) || !isUuid(documentId)) return undefined;
      const row = await db.get<SnapshotDocumentRow>('SELECT * FROM snapshot_documents WHERE snapshot_id = $1 AND document_id = $2', [snapshotId, documentId]);
      return row && toDocument(row);
    },
    async anonymiseUser(userId, placeholder) {
      await db.transaction(async (tx) => {
        await tx.run('UPDATE snapshots SET created_by_name = $2 WHERE created_by = $1', [userId, placeholder]);
        const rows = await tx.all<{ id: string; participants: string }>('SELECT id, participants FROM snapshots WHERE participants LIKE $1', [`%${userId}%`]);
        for (const row of rows) {
          const participants = (JSON.parse(row.participants) as Snapshot['participants']).map((p) => (p.userId === userId ? { ...p, name: placeholder } : p));
          await tx.run('UPDATE snapshots SET participants = $2 WHERE id = $1', [row.id, JSON.stringify(participants)]);
        }
      });
    },
    async listForDocument(documentId) {
      if (!isUuid(documentId)) return [];
      const rows = await db.all<SnapshotRow>(
        `SELECT s.* FROM snapshots s JOIN snapshot_documents d ON d.snapshot_id = s.id WHERE d.document_id = $1 ORDER BY s.version`,
        [documentId],
      );
      return rows.map(toSnapshot);
    },
  };
}
