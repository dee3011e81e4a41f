import type { AuditEvent, AuditLog } from '../ports.ts';
import type { SqlDb } from './db.ts';

interface AuditRow {
  id: number;
  at: number;
  organisation_id: string | null;
  workshop_id: string | null;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target: string | null;
  details: string;
  address: string | null;
}

function toEvent(row: AuditRow): AuditEvent {
  return {
    id: Number(row.id),
    at: Number(row.at),
    organisationId: row.organisation_id,
    workshopId: row.workshop_id,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    target: row.target,
    details: JSON.parse(row.details) as Record<string, unknown>,
    address: row.address,
  };
}

export function sqlAuditLog(db: SqlDb): AuditLog {
  return {
    async record(event) {
      await db.run(
        `INSERT INTO audit_events (at, organisation_id, workshop_id, actor_id, actor_label, action, target, details, address)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          event.at ?? Date.now(),
          event.organisationId,
          event.workshopId,
          event.actorId,
          event.actorLabel,
          event.action,
          event.target,
          JSON.stringify(event.details),
          event.address,
        ],
      );
    },
    async list(filter) {
      const conditions: string[] = [];
      const params: unknown[] = [];
      if (filter.organisationId) conditions.push(`organisation_id = $${params.push(filter.organisationId)}`);
      if (filter.workshopId) conditions.push(`workshop_id = $${params.push(filter.workshopId)}`);
      if (filter.actorId) conditions.push(`actor_id = $${params.push(filter.actorId)}`);
      if (filter.before) conditions.push(`id < $${params.push(filter.before)}`);
      const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
      const rows = await db.all<AuditRow>(`SELECT * FROM audit_events ${where} ORDER BY id DESC LIMIT $${params.push(filter.limit)}`, params);
      return rows.map(toEvent);
    },
    async anonymise(userId, placeholder, strings) {
      await db.transaction(async (tx) => {
        await tx.run('UPDATE audit_events SET actor_id = NULL, actor_label = $1 WHERE actor_id = $2', [placeholder, userId]);
        await tx.run('UPDATE audit_events SET target = $1 WHERE target = $2', [placeholder, userId]);
        for (const text of strings) {
          // JSON escapes some characters: replace the text as JSON writes it inside a string too.
          const inJson = JSON.stringify(text).slice(1, -1);
          await tx.run('UPDATE audit_events SET details = REPLACE(details, $1, $2), actor_label = REPLACE(actor_label, $3, $4)', [inJson, placeholder, text, placeholder]);
        }
      });
    },
  };
}
