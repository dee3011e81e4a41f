import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { DocumentRecord, DocumentStore, Workshop, WorkshopRole, WorkshopStore } from '../ports.ts';
import { transaction } from './tx.ts';

interface WorkshopRow {
  id: string;
  title: string;
  created_by: string;
  created_at: number;
}

function toWorkshop(row: WorkshopRow): Workshop {
  return { id: row.id, title: row.title, createdBy: row.created_by, createdAt: row.created_at };
}

export function sqliteWorkshops(db: DatabaseSync): WorkshopStore {
  const insert = db.prepare('INSERT INTO workshops (id, title, created_by, created_at) VALUES (?, ?, ?, ?)');
  const upsertMember = db.prepare(
    `INSERT INTO workshop_members (workshop_id, user_id, role) VALUES (?, ?, ?)
     ON CONFLICT (workshop_id, user_id) DO UPDATE SET role = excluded.role`,
  );
  const get = db.prepare('SELECT * FROM workshops WHERE id = ?');
  const listForUser = db.prepare(
    `SELECT w.*, m.role FROM workshops w JOIN workshop_members m ON m.workshop_id = w.id
     WHERE m.user_id = ? ORDER BY w.created_at DESC, w.id`,
  );
  const role = db.prepare('SELECT role FROM workshop_members WHERE workshop_id = ? AND user_id = ?');
  const removeMember = db.prepare('DELETE FROM workshop_members WHERE workshop_id = ? AND user_id = ?');
  return {
    async create(input) {
      const workshop: Workshop = { id: randomUUID(), title: input.title, createdBy: input.createdBy, createdAt: Date.now() };
      transaction(db, () => {
        insert.run(workshop.id, workshop.title, workshop.createdBy, workshop.createdAt);
        upsertMember.run(workshop.id, workshop.createdBy, 'facilitator');
      });
      return workshop;
    },
    async get(id) {
      const row = get.get(id) as WorkshopRow | undefined;
      return row ? toWorkshop(row) : undefined;
    },
    async listForUser(userId) {
      const rows = listForUser.all(userId) as unknown as (WorkshopRow & { role: WorkshopRole })[];
      return rows.map((row) => ({ ...toWorkshop(row), role: row.role }));
    },
    async role(workshopId, userId) {
      const row = role.get(workshopId, userId) as { role: WorkshopRole } | undefined;
      return row?.role;
    },
    async setMember(workshopId, userId, memberRole) {
      upsertMember.run(workshopId, userId, memberRole);
    },
    async removeMember(workshopId, userId) {
      return Number(removeMember.run(workshopId, userId).changes) > 0;
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
  return { id: row.id, workshopId: row.workshop_id, type: row.type, title: row.title, createdBy: row.created_by, createdAt: row.created_at };
}

export function sqliteDocuments(db: DatabaseSync): DocumentStore {
  const insert = db.prepare('INSERT INTO documents (id, workshop_id, type, title, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertUpdate = db.prepare('INSERT INTO document_updates (document_id, data) VALUES (?, ?)');
  const get = db.prepare('SELECT * FROM documents WHERE id = ?');
  const list = db.prepare('SELECT * FROM documents WHERE workshop_id = ? ORDER BY created_at, id');
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
      transaction(db, () => {
        insert.run(record.id, record.workshopId, record.type, record.title, record.createdBy, record.createdAt);
        insertUpdate.run(record.id, input.initialState);
      });
      return record;
    },
    async get(id) {
      const row = get.get(id) as DocumentRow | undefined;
      return row ? toDocument(row) : undefined;
    },
    async listForWorkshop(workshopId) {
      return (list.all(workshopId) as unknown as DocumentRow[]).map(toDocument);
    },
  };
}
