import { randomUUID } from 'node:crypto';
import type pg from 'pg';
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

const upsertMember = `INSERT INTO workshop_members (workshop_id, user_id, role) VALUES ($1, $2, $3)
  ON CONFLICT (workshop_id, user_id) DO UPDATE SET role = excluded.role`;

/** Ids arrive from URLs; a malformed one is simply not found (PostgreSQL would reject it as UUID). */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function postgresWorkshops(pool: pg.Pool): WorkshopStore {
  return {
    async create(input) {
      const workshop: Workshop = { id: randomUUID(), title: input.title, createdBy: input.createdBy, createdAt: Date.now() };
      await transaction(pool, async (client) => {
        await client.query('INSERT INTO workshops (id, title, created_by, created_at) VALUES ($1, $2, $3, $4)', [
          workshop.id, workshop.title, workshop.createdBy, workshop.createdAt,
        ]);
        await client.query(upsertMember, [workshop.id, workshop.createdBy, 'facilitator']);
      });
      return workshop;
    },
    async get(id) {
      if (!uuidPattern.test(id)) return undefined;
      const { rows } = await pool.query<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id]);
      return rows[0] ? toWorkshop(rows[0]) : undefined;
    },
    async listForUser(userId) {
      const { rows } = await pool.query<WorkshopRow & { role: WorkshopRole }>(
        `SELECT w.*, m.role FROM workshops w JOIN workshop_members m ON m.workshop_id = w.id
         WHERE m.user_id = $1 ORDER BY w.created_at DESC, w.id`,
        [userId],
      );
      return rows.map((row) => ({ ...toWorkshop(row), role: row.role }));
    },
    async role(workshopId, userId) {
      if (!uuidPattern.test(workshopId)) return undefined;
      const { rows } = await pool.query<{ role: WorkshopRole }>('SELECT role FROM workshop_members WHERE workshop_id = $1 AND user_id = $2', [
        workshopId, userId,
      ]);
      return rows[0]?.role;
    },
    async setMember(workshopId, userId, role) {
      await pool.query(upsertMember, [workshopId, userId, role]);
    },
    async removeMember(workshopId, userId) {
      if (!uuidPattern.test(workshopId) || !uuidPattern.test(userId)) return false;
      const { rowCount } = await pool.query('DELETE FROM workshop_members WHERE workshop_id = $1 AND user_id = $2', [workshopId, userId]);
      return (rowCount ?? 0) > 0;
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

export function postgresDocuments(pool: pg.Pool): DocumentStore {
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
      await transaction(pool, async (client) => {
        await client.query('INSERT INTO documents (id, workshop_id, type, title, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
          record.id, record.workshopId, record.type, record.title, record.createdBy, record.createdAt,
        ]);
        await client.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [record.id, Buffer.from(input.initialState)]);
      });
      return record;
    },
    async get(id) {
      if (!uuidPattern.test(id)) return undefined;
      const { rows } = await pool.query<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id]);
      return rows[0] ? toDocument(rows[0]) : undefined;
    },
    async listForWorkshop(workshopId) {
      const { rows } = await pool.query<DocumentRow>('SELECT * FROM documents WHERE workshop_id = $1 ORDER BY created_at, id', [workshopId]);
      return rows.map(toDocument);
    },
  };
}
