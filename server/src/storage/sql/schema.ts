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
  // Versioned snapshots, attribution of Yjs client ids and per-document checkpoints (issue #9).
  // Users are referenced as TEXT without foreign keys: a user id or 'system', kept when the account
  // is erased so that a snapshot's hashed content never changes.
  `
  CREATE TABLE snapshots (
    id {uuid} PRIMARY KEY,
    workshop_id {uuid} NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    created_by TEXT NOT NULL,
    created_by_name TEXT NOT NULL,
    participants TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    UNIQUE (workshop_id, version)
  );
  CREATE TABLE snapshot_documents (
    snapshot_id {uuid} NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
    document_id {uuid} NOT NULL,
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    state {bytes} NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, document_id)
  );
  CREATE INDEX snapshot_documents_document ON snapshot_documents (document_id);
  CREATE TABLE document_clients (
    document_id {uuid} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    client_id BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    first_seen BIGINT NOT NULL,
    PRIMARY KEY (document_id, client_id)
  );
  CREATE TABLE document_client_conflicts (
    id {serial},
    document_id {uuid} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    client_id BIGINT NOT NULL,
    claimed_by TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX document_client_conflicts_doc ON document_client_conflicts (document_id);
  CREATE TABLE document_deletions (
    id {serial},
    document_id {uuid} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    client_id BIGINT NOT NULL,
    clock BIGINT NOT NULL,
    length BIGINT NOT NULL,
    user_id TEXT NOT NULL,
    at BIGINT NOT NULL
  );
  CREATE INDEX document_deletions_doc ON document_deletions (document_id, client_id, clock);
  CREATE TABLE document_checkpoints (
    id {uuid} PRIMARY KEY,
    document_id {uuid} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    created_by TEXT,
    state {bytes} NOT NULL,
    content TEXT NOT NULL
  );
  CREATE INDEX document_checkpoints_doc ON document_checkpoints (document_id, created_at);
  `,
];

export function migrationsFor(dialect: Dialect): string[] {
  return migrationTemplates.map((template) => template.replace(/\{(uuid|serial|bytes)\}/g, (_, name: 'uuid' | 'serial' | 'bytes') => types[dialect][name]));
}
