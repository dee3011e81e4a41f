import { randomUUID } from 'node:crypto';
import type { DocumentRecord, DocumentStore, Member, Workshop, WorkshopRole, WorkshopStore } from '../ports.ts';
import { isUuid, type SqlDb } from './db.ts';

interface WorkshopRow {
  id: string;
  organisation_id: string;
  title: string;
  created_by: string;
  created_at: number;
  retention_days: number | null;
  erased_at: number | null;
}

function toWorkshop(row: WorkshopRow): Workshop {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    title: row.title,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    retentionDays: row.retention_days === null ? null : Number(row.retention_days),
    erasedAt: row.erased_at === null ? null : Number(row.erased_at),
  };
}

const upsertMember = `INSERT INTO workshop_members (workshop_id, user_id, role) VALUES ($1, $2, $3)
  ON CONFLICT (workshop_id, user_id) DO UPDATE SET role = excluded.role`;

export function sqlWorkshops(db: SqlDb): WorkshopStore {
  return {
    async create(input) {
      const workshop: Workshop = {
        id: randomUUID(),
        organisationId: input.organisationId,
        title: input.title,
        createdBy: input.createdBy,
        createdAt: Date.now(),
        retentionDays: input.retentionDays ?? null,
        erasedAt: null,
      };
      await db.transaction(async (tx) => {
        await tx.run('INSERT INTO workshops (id, organisation_id, title, created_by, created_at, retention_days) VALUES ($1, $2, $3, $4, $5, $6)', [
          workshop.id, workshop.organisationId, workshop.title, workshop.createdBy, workshop.createdAt, workshop.retentionDays,
        ]);
        await tx.run(upsertMember, [workshop.id, workshop.createdBy, 'facilitator']);
      });
      return workshop;
    },
    async get(id) {
      if (!isUuid(id)) return undefined;
      const row = await db.get<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id]);
      return row && toWorkshop(row);
    },
    async listForUser(userId) {
      const rows = await db.all<WorkshopRow & { role: WorkshopRole }>(
        `SELECT w.*, m.role FROM workshops w JOIN workshop_members m ON m.workshop_id = w.id
         WHERE m.user_id = $1 ORDER BY w.created_at DESC, w.id`,
        [userId],
      );
      return rows.map((row) => ({ ...toWorkshop(row), role: row.role }));
    },
    async role(workshopId, userId) {
      if (!isUuid(workshopId) || !isUuid(userId)) return undefined;
      const row = await db.get<{ role: WorkshopRole }>('SELECT role FROM workshop_members WHERE workshop_id = $1 AND user_id = $2', [workshopId, userId]);
      return row?.role;
    },
    async members(workshopId) {
      const rows = await db.all<{ user_id: string; name: string; email: string | null; role: WorkshopRole; organisation_role: string }>(
        `SELECT m.user_id, u.name, u.email, m.role, u.organisation_role FROM workshop_members m JOIN users u ON u.id = m.user_id
         WHERE m.workshop_id = $1 ORDER BY m.role, u.name, u.id`,
        [workshopId],
      );
      return rows.map((row): Member => ({ userId: row.user_id, name: row.name, email: row.email, role: row.role, guest: row.organisation_role === 'guest' }));
    },
    async setMember(workshopId, userId, role) {
      await db.run(upsertMember, [workshopId, userId, role]);
    },
    async update(id, changes) {
      if (changes.title !== undefined) await db.run('UPDATE workshops SET title = $1 WHERE id = $2', [changes.title, id]);
      if (changes.retentionDays !== undefined) await db.run('UPDATE workshops SET retention_days = $1 WHERE id = $2', [changes.retentionDays, id]);
    },
    async pastRetention(now) {
      const rows = await db.all<WorkshopRow>(
        'SELECT * FROM workshops WHERE erased_at IS NULL AND retention_days IS NOT NULL AND created_at + retention_days * 86400000 <= $1',
        [now],
      );
      return rows.map(toWorkshop);
    },
    async eraseContent(id, at) {
      return db.transaction(async (tx) => {
        const documents = await tx.all<{ id: string }>('SELECT id FROM documents WHERE workshop_id = $1', [id]);
        await tx.run('DELETE FROM documents WHERE workshop_id = $1', [id]);
        // Snapshots go with the content: a retention period is the one thing besides GDPR erasure that removes them.
        await tx.run('DELETE FROM snapshots WHERE workshop_id = $1', [id]);
        await tx.run('DELETE FROM invites WHERE workshop_id = $1', [id]);
        await tx.run('UPDATE workshops SET erased_at = $1 WHERE id = $2', [at, id]);
        return documents.map((row) => row.id);
      });
    },
    async removeMember(workshopId, userId) {
      if (!isUuid(workshopId) || !isUuid(userId)) return false;
      return (await db.run('DELETE FROM workshop_members WHERE workshop_id = $1 AND user_id = $2', [workshopId, userId])).changes > 0;
    },
  };
}

interface DocumentRow {
  id: string;
  workshop_id: string;
  type: DocumentRecord['type'];
  title: string;
  created_by: string;
  created_at: number;
}

function toDocument(row: DocumentRow): DocumentRecord {
  return { id: row.id, workshopId: row.workshop_id, type: row.type, title: row.title, createdBy: row.created_by, createdAt: Number(row.created_at) };
}

export function sqlDocuments(db: SqlDb): DocumentStore {
  return {
    async create(input) {
      const record: DocumentRecord = {
        id: randomUUID(),
        workshopId: input.workshopId,
        type: input.type,
        title: input.title,
        createdBy: input.createdBy,
        createdAt: Date.now(),
      };
      await db.transaction(async (tx) => {
        await tx.run('INSERT INTO documents (id, workshop_id, type, title, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          record.id, record.workshopId, record.type, record.title, record.createdBy, record.createdAt,
        ]);
        await tx.run('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [record.id, input.initialState]);
      });
      return record;
    },
    async get(id) {
      if (!isUuid(id)) return undefined;
      const row = await db.get<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
      return row && toDocument(row);
    },
    async listForWorkshop(workshopId) {
      const rows = await db.all<DocumentRow>('SELECT * FROM documents WHERE workshop_id = $1 ORDER BY created_at, id', [workshopId]);
      return rows.map(toDocument);
    },
  };
}
