import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { SessionStore, User, UserStore } from '../ports.ts';

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: boolean;
  created_at: number;
}

function toUser(row: UserRow): User {
  return { id: row.id, email: row.email, name: row.name, isAdmin: row.is_admin, createdAt: row.created_at };
}

export function postgresUsers(pool: pg.Pool): UserStore {
  return {
    async create(input) {
      const user: User = { id: randomUUID(), email: input.email, name: input.name, isAdmin: input.isAdmin, createdAt: Date.now() };
      await pool.query('INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        user.id, user.email, user.name, input.passwordHash, user.isAdmin, user.createdAt,
      ]);
      return user;
    },
    async byEmail(email) {
      const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
      const row = rows[0];
      return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
    },
    async byId(id) {
      const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
      return rows[0] ? toUser(rows[0]) : undefined;
    },
    async count() {
      const { rows } = await pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM users');
      return rows[0]!.n;
    },
  };
}

export function postgresSessions(pool: pg.Pool): SessionStore {
  return {
    async create(session) {
      await pool.query('INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES ($1, $2, $3, $4)', [
        session.id, session.userId, session.expiresAt, session.createdAt,
      ]);
    },
    async get(id) {
      const { rows } = await pool.query<UserRow & { s_id: string; user_id: string; expires_at: number; s_created_at: number }>(
        `SELECT s.id AS s_id, s.user_id, s.expires_at, s.created_at AS s_created_at, u.*
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
        [id],
      );
      const row = rows[0];
      if (!row) return undefined;
      return {
        session: { id: row.s_id, userId: row.user_id, expiresAt: row.expires_at, createdAt: row.s_created_at },
        user: toUser(row),
      };
    },
    async setExpiry(id, expiresAt) {
      await pool.query('UPDATE sessions SET expires_at = $1 WHERE id = $2', [expiresAt, id]);
    },
    async delete(id) {
      await pool.query('DELETE FROM sessions WHERE id = $1', [id]);
    },
  };
}
