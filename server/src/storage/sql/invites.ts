import { randomUUID } from 'node:crypto';
import type { Invite, InviteStore } from '../ports.ts';
import { isUuid, type SqlDb } from './db.ts';

interface InviteRow {
  id: string;
  workshop_id: string;
  role: Invite['role'];
  expires_at: number;
  max_uses: number;
  uses: number;
  revoked_at: number | null;
  created_by: string;
  created_at: number;
}

function toInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    role: row.role,
    expiresAt: Number(row.expires_at),
    maxUses: Number(row.max_uses),
    uses: Number(row.uses),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
  };
}

const columns = 'id, workshop_id, role, expires_at, max_uses, uses, revoked_at, created_by, created_at';

export function sqlInvites(db: SqlDb): InviteStore {
  return {
    async create(input) {
      const invite: Invite = { ...input, id: randomUUID(), uses: 0, revokedAt: null, createdAt: Date.now() };
      await db.run(
        `INSERT INTO invites (id, workshop_id, token_hash, role, expires_at, max_uses, uses, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8)`,
        [invite.id, invite.workshopId, input.tokenHash, invite.role, invite.expiresAt, invite.maxUses, invite.createdBy, invite.createdAt],
      );
      const { tokenHash: _, ...withoutHash } = invite as Invite & { tokenHash?: string };
      return withoutHash;
    },
    async byTokenHash(tokenHash) {
      const row = await db.get<InviteRow>(`SELECT ${columns} FROM invites WHERE token_hash = $1`, [tokenHash]);
      return row && toInvite(row);
    },
    async get(id) {
      if (!isUuid(id)) return undefined;
      const row = await db.get<InviteRow>(`SELECT ${columns} FROM invites WHERE id = $1`, [id]);
      return row && toInvite(row);
    },
    async listForWorkshop(workshopId) {
      return (await db.all<InviteRow>(`SELECT ${columns} FROM invites WHERE workshop_id = $1 ORDER BY created_at DESC, id`, [workshopId])).map(toInvite);
    },
    async revoke(id, at) {
      await db.run('UPDATE invites SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id]);
    },
    async use(id, now) {
      const result = await db.run(
        'UPDATE invites SET uses = uses + 1 WHERE id = $1 AND revoked_at IS NULL AND expires_at > $2 AND uses < max_uses',
        [id, now],
      );
      return result.changes > 0;
    },
  };
}
