import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { SessionStore, User, UserStore, UserWithPassword } from '../ports.ts';

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: number;
}

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin === 1, createdAt: row.created_at };
}

export function sqliteUsers(db: DatabaseSync): UserStore {
  const insert = db.prepare('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM users');
  return {
    async create(input) {
      const user: User = { id: randomUUID(), email: input.email, name: input.name, isAdmin: input.isAdmin, createdAt: Date.now() };
      insert.run(user.id, user.email, user.name, input.passwordHash, user.isAdmin ? 1 : 0, user.createdAt);
      return user;
    },
    async byEmail(email) {
      const row = byEmail.get(email) as UserRow | undefined;
      return row ? ({ ...toUser(row), passwordHash: row.password_hash } satisfies UserWithPassword) : undefined;
    },
    async byId(id) {
      const row = byId.get(id) as UserRow | undefined;
      return row ? toUser(row) : undefined;
    },
    async count() {
      return (count.get() as { n: number }).n;
    },
  };
}

export function sqliteSessions(db: DatabaseSync): SessionStore {
  const insert = db.prepare('INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)');
  const get = db.prepare(
    `SELECT s.id AS s_id, s.user_id, s.expires_at, s.created_at AS s_created_at, u.*
     FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
  );
  const setExpiry = db.prepare('UPDATE sessions SET expires_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
  return {
    async create(session) {
      insert.run(session.id, session.userId, session.expiresAt, session.createdAt);
    },
    async get(id) {
      const row = get.get(id) as (UserRow & { s_id: string; user_id: string; expires_at: number; s_created_at: number }) | undefined;
      if (!row) return undefined;
      return {
        session: { id: row.s_id, userId: row.user_id, expiresAt: row.expires_at, createdAt: row.s_created_at },
        user: toUser(row),
      };
    },
    async setExpiry(id, expiresAt) {
      setExpiry.run(expiresAt, id);
    },
    async delete(id) {
      remove.run(id);
    },
  };
}
