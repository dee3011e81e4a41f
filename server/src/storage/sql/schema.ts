/**
 * The schema, written once for both databases. Each migration is a template: `{uuid}`, `{serial}`
 * and `{bytes}` become the dialect's types. Never edit a released migration: append a new one.
 */
export type Dialect = 'sqlite' | 'postgres';

const types: Record<Dialect, Record<'uuid' | 'serial' | 'bytes', string>> = {
  sqlite: { uuid: 'TEXT', serial: 'INTEGER PRIMARY KEY AUTOINCREMENT', bytes: 'BLOB' },
  postgres: { uuid: 'UUID', serial: 'BIGSERIAL PRIMARY KEY', bytes: 'BYTEA' },
};

const migrationTemplates: readonly string[] = [
  `
  CREATE TABLE organisations (
    id {uuid} PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE users (
    id {uuid} PRIMARY KEY,
    organisation_id {uuid} NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    email TEXT,
    name TEXT NOT NULL,
    password_hash TEXT,
    is_admin INTEGER NOT NULL DEFAULT 0,
    organisation_role TEXT NOT NULL CHECK (organisation_role IN ('admin', 'member', 'guest')),
    guest_workshop_id {uuid},
    guest_invite_id {uuid},
    created_at BIGINT NOT NULL
  );
  CREATE UNIQUE INDEX users_email ON users (lower(email));
  CREATE INDEX users_organisation ON users (organisation_id);
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    absolute_expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE workshops (
    id {uuid} PRIMARY KEY,
    organisation_id {uuid} NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    created_by {uuid} REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    retention_days INTEGER,
    erased_at BIGINT
  );
  CREATE INDEX workshops_organisation ON workshops (organisation_id);
  CREATE TABLE workshop_members (
    workshop_id {uuid} NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    user_id {uuid} NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')),
    PRIMARY KEY (workshop_id, user_id)
  );
  CREATE INDEX workshop_members_user ON workshop_members (user_id);
  CREATE TABLE documents (
    id {uuid} PRIMARY KEY,
    workshop_id {uuid} NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    created_by {uuid} REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX documents_workshop ON documents (workshop_id);
  CREATE TABLE document_updates (
    seq {serial},
    document_id {uuid} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    data {bytes} NOT NULL
  );
  CREATE INDEX document_updates_doc ON document_updates (document_id, seq);
  CREATE TABLE document_states (
    document_id {uuid} PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    state {bytes} NOT NULL,
    upto_seq BIGINT NOT NULL
  );
  CREATE TABLE invites (
    id {uuid} PRIMARY KEY,
    workshop_id {uuid} NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')),
    expires_at BIGINT NOT NULL,
    max_uses INTEGER NOT NULL,
    uses INTEGER NOT NULL DEFAULT 0,
    revoked_at BIGINT,
    created_by {uuid} REFERENCES users(id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX invites_workshop ON invites (workshop_id);
  CREATE TABLE audit_events (
    id {serial},
    at BIGINT NOT NULL,
    organisation_id {uuid},
    workshop_id {uuid},
    actor_id {uuid},
    actor_label TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    details TEXT NOT NULL,
    address TEXT
  );
  CREATE INDEX audit_events_organisation ON audit_events (organisation_id, id);
  CREATE INDEX audit_events_workshop ON audit_events (workshop_id, id);
    `,
];

export function migrationsFor(dialect: Dialect): string[] {
  return migrationTemplates.map((template) => template.replace(/\{(uuid|serial|bytes)\}/g, (_, name: 'uuid' | 'serial' | 'bytes') => types[dialect][name]));
}
