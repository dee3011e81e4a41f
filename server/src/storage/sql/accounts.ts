import { randomUUID } from 'node:crypto';
import type { OrganisationStore, SessionStore, User, UserStore, UserWithPassword } from '../ports.ts';
import { flag, isUuid, type SqlDb } from './db.ts';

interface UserRow {
  id: string;
  organisation_id: string;
  email: string | null;
  name: string;
  password_hash: string | null;
  is_admin: number;
  organisation_role: User['organisationRole'];
  guest_workshop_id: string | null;
  guest_invite_id: string | null;
  created_at: number;
}

const userColumns = 'u.id, u.organisation_id, u.email, u.name, u.password_hash, u.is_admin, u.organisation_role, u.guest_workshop_id, u.guest_invite_id, u.created_at';

function toUser(row: UserRow): UserWithPassword {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    email: row.email,
    name: row.name,
    isAdmin: flag(row.is_admin),
    organisationRole: row.organisation_role,
    guestWorkshopId: row.guest_workshop_id,
    guestInviteId: row.guest_invite_id,
    createdAt: Number(row.created_at),
    passwordHash: row.password_hash,
  };
}

/** The user without the password hash, for everything but sign-in. */
function withoutPassword({ passwordHash: _, ...user }: UserWithPassword): User {
  return user;
}

export function sqlOrganisations(db: SqlDb): OrganisationStore {
  const toOrganisation = (row: { id: string; name: string; created_at: number }) => ({ id: row.id, name: row.name, createdAt: Number(row.created_at) });
  return {
    async create({ name }) {
      const organisation = { id: randomUUID(), name, createdAt: Date.now() };
      await db.run('INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)', [organisation.id, name, organisation.createdAt]);
      return organisation;
    },
    async get(id) {
      if (!isUuid(id)) return undefined;
      const row = await db.get<{ id: string; name: string; created_at: number }>('SELECT * FROM organisations WHERE id = $1', [id]);
      return row && toOrganisation(row);
    },
    async list() {
      return (await db.all<{ id: string; name: string; created_at: number }>('SELECT * FROM organisations ORDER BY name, id')).map(toOrganisation);
    },
  };
}

export function sqlUsers(db: SqlDb): UserStore {
  return {
    async create(input) {
      const user: User = {
        id: randomUUID(),
        organisationId: input.organisationId,
        email: input.email,
        name: input.name,
        isAdmin: input.isAdmin ?? false,
        organisationRole: input.organisationRole,
        guestWorkshopId: input.guestWorkshopId ?? null,
        guestInviteId: input.guestInviteId ?? null,
        createdAt: Date.now(),
      };
      await db.run(
        `INSERT INTO users (id, organisation_id, email, name, password_hash, is_admin, organisation_role, guest_workshop_id, guest_invite_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          user.id, user.organisationId, user.email, user.name, input.passwordHash, user.isAdmin,
          user.organisationRole, user.guestWorkshopId, user.guestInviteId, user.createdAt,
        ],
      );
      return user;
    },
    async byEmail(email) {
      const row = await db.get<UserRow>(`SELECT ${userColumns} FROM users u WHERE lower(u.email) = lower($1)`, [email]);
      return row && toUser(row);
    },
    async byId(id) {
      if (!isUuid(id)) return undefined;
      const row = await db.get<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.id = $1`, [id]);
      return row && toUser(row);
    },
    async listForOrganisation(organisationId) {
      const rows = await db.all<UserRow>(
        `SELECT ${userColumns} FROM users u WHERE u.organisation_id = $1 ORDER BY u.organisation_role, u.name, u.id`,
        [organisationId],
      );
      return rows.map((row) => withoutPassword(toUser(row)));
    },
    async guestsOfInvite(inviteId) {
      if (!isUuid(inviteId)) return [];
      const rows = await db.all<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.guest_invite_id = $1 ORDER BY u.created_at`, [inviteId]);
      return rows.map((row) => withoutPassword(toUser(row)));
    },
    async setPassword(id, passwordHash) {
      await db.run('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, id]);
    },
    async delete(id) {
      await db.run('DELETE FROM users WHERE id = $1', [id]);
    },
    async count() {
      return (await db.get<{ n: number }>('SELECT CAST(COUNT(*) AS INTEGER) AS n FROM users'))!.n;
    },
  };
}

export function sqlSessions(db: SqlDb): SessionStore {
  return {
    async create(session) {
      await db.run('INSERT INTO sessions (id, user_id, expires_at, absolute_expires_at, created_at) VALUES ($1, $2, $3, $4, $5)', [
        session.id, session.userId, session.expiresAt, session.absoluteExpiresAt, session.createdAt,
      ]);
    },
    async get(id) {
      const row = await db.get<UserRow & { s_id: string; s_expires_at: number; s_absolute: number; s_created_at: number }>(
        `SELECT s.id AS s_id, s.expires_at AS s_expires_at, s.absolute_expires_at AS s_absolute, s.created_at AS s_created_at, ${userColumns}
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
        [id],
      );
      if (!row) return undefined;
      return {
        session: {
          id: row.s_id,
          userId: row.id,
          expiresAt: Number(row.s_expires_at),
          absoluteExpiresAt: Number(row.s_absolute),
          createdAt: Number(row.s_created_at),
        },
        user: withoutPassword(toUser(row)),
      };
    },
    async setExpiry(id, expiresAt) {
      await db.run('UPDATE sessions SET expires_at = $1 WHERE id = $2', [expiresAt, id]);
    },
    async delete(id) {
      await db.run('DELETE FROM sessions WHERE id = $1', [id]);
    },
    async listForUser(userId) {
      if (!isUuid(userId)) return [];
      const rows = await db.all<{ id: string; user_id: string; expires_at: number; absolute_expires_at: number; created_at: number }>(
        'SELECT * FROM sessions WHERE user_id = $1 ORDER BY created_at',
        [userId],
      );
      return rows.map((row) => ({
        id: row.id,
        userId: row.user_id,
        expiresAt: Number(row.expires_at),
        absoluteExpiresAt: Number(row.absolute_expires_at),
        createdAt: Number(row.created_at),
      }));
    },
    async deleteForUser(userId, keep) {
      if (!isUuid(userId)) return [];
      return db.transaction(async (tx) => {
        const rows = await tx.all<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keep ?? '']);
        await tx.run('DELETE FROM sessions WHERE user_id = $1 AND id <> $2', [userId, keep ?? '']);
        return rows.map((row) => row.id);
      });
    },
  };
}
