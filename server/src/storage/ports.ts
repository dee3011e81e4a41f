/**
 * The store as the rest of the server sees it. Adapters (sqlite/, postgres/) implement
 * it; only main.ts picks one. Every method is async so a networked store fits unchanged.
 */
import type { DocumentType } from '@yhteispaja/model';
import type { AttributionStore, CheckpointStore, SnapshotStore } from './history-ports.ts';

export type WorkshopRole = 'facilitator' | 'participant' | 'observer';
export const workshopRoles: readonly WorkshopRole[] = ['facilitator', 'participant', 'observer'];

/** A user's standing in their organisation. Guests come in through an invitation link to one workshop. */
export type OrganisationRole = 'admin' | 'member' | 'guest';

export interface Organisation {
  id: string;
  name: string;
  createdAt: number;
}

export interface User {
  id: string;
  organisationId: string;
  /** Null for guests, who sign in only through their invitation. */
  email: string | null;
  name: string;
  /** System admin: manages organisations (not their content). */
  isAdmin: boolean;
  organisationRole: OrganisationRole;
  /** For guests: the one workshop they may enter, and the invitation they came in by. */
  guestWorkshopId: string | null;
  guestInviteId: string | null;
  createdAt: number;
}

export interface UserWithPassword extends User {
  passwordHash: string | null;
}

export interface Session {
  /** SHA-256 of the token, hex: the token itself is never stored. */
  id: string;
  userId: string;
  /** Sliding expiry, renewed on use. */
  expiresAt: number;
  /** Hard end, whatever the use: shorter for guests and admins. */
  absoluteExpiresAt: number;
  createdAt: number;
}

export interface Workshop {
  id: string;
  organisationId: string;
  title: string;
  createdBy: string;
  createdAt: number;
  /** Days after creation when its content is erased; null keeps it until deleted. */
  retentionDays: number | null;
  /** When the retention period erased its documents and invitations. */
  erasedAt: number | null;
}

export interface Member {
  userId: string;
  name: string;
  email: string | null;
  role: WorkshopRole;
  guest: boolean;
}

export interface DocumentRecord {
  id: string;
  workshopId: string;
  type: DocumentType;
  title: string;
  createdBy: string;
  createdAt: number;
}

export interface Invite {
  id: string;
  workshopId: string;
  role: WorkshopRole;
  expiresAt: number;
  maxUses: number;
  uses: number;
  revokedAt: number | null;
  createdBy: string;
  createdAt: number;
}

export interface AuditEvent {
  id: number;
  at: number;
  organisationId: string | null;
  workshopId: string | null;
  actorId: string | null;
  /** The actor's name or email at the time, kept even if the account is erased later (then replaced). */
  actorLabel: string;
  action: string;
  target: string | null;
  details: Record<string, unknown>;
  address: string | null;
}

export interface OrganisationStore {
  create(input: { name: string }): Promise<Organisation>;
  get(id: string): Promise<Organisation | undefined>;
  list(): Promise<Organisation[]>;
}

export interface UserStore {
  create(input: {
    organisationId: string;
    email: string | null;
    name: string;
    passwordHash: string | null;
    isAdmin?: boolean;
    organisationRole: OrganisationRole;
    guestWorkshopId?: string | null;
    guestInviteId?: string | null;
  }): Promise<User>;
  byEmail(email: string): Promise<UserWithPassword | undefined>;
  byId(id: string): Promise<UserWithPassword | undefined>;
  listForOrganisation(organisationId: string): Promise<User[]>;
  /** The guests who joined through an invitation. */
  guestsOfInvite(inviteId: string): Promise<User[]>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  /** Erase the account: sessions and memberships go with it. */
  delete(id: string): Promise<void>;
  count(): Promise<number>;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  /** The session with its user, or undefined. Expiry is the caller's to judge. */
  get(id: string): Promise<{ session: Session; user: User } | undefined>;
  setExpiry(id: string, expiresAt: number): Promise<void>;
  delete(id: string): Promise<void>;
  /** End a user's sessions, except `keep`; returns the ids ended. */
  deleteForUser(userId: string, keep?: string): Promise<string[]>;
  listForUser(userId: string): Promise<Session[]>;
}

export interface WorkshopStore {
  /** Creates the workshop and makes `createdBy` its facilitator, in one transaction. */
  create(input: { organisationId: string; title: string; createdBy: string; retentionDays?: number | null }): Promise<Workshop>;
  get(id: string): Promise<Workshop | undefined>;
  listForUser(userId: string): Promise<(Workshop & { role: WorkshopRole })[]>;
  role(workshopId: string, userId: string): Promise<WorkshopRole | undefined>;
  members(workshopId: string): Promise<Member[]>;
  setMember(workshopId: string, userId: string, role: WorkshopRole): Promise<void>;
  /** Returns false when the user was not a member. */
  removeMember(workshopId: string, userId: string): Promise<boolean>;
  update(id: string, changes: { title?: string; retentionDays?: number | null }): Promise<void>;
  /** Workshops whose retention period has run out at `now` and whose content is not erased yet. */
  pastRetention(now: number): Promise<Workshop[]>;
  /** Delete the workshop's documents (with their history) and invitations; the workshop record stays. */
  eraseContent(id: string, at: number): Promise<string[]>;
}

export interface DocumentStore {
  /** Creates the record and stores `initialState` as the document's first update, in one transaction. */
  create(input: Omit<DocumentRecord, 'id' | 'createdAt'> & { initialState: Uint8Array }): Promise<DocumentRecord>;
  get(id: string): Promise<DocumentRecord | undefined>;
  listForWorkshop(workshopId: string): Promise<DocumentRecord[]>;
}

export interface InviteStore {
  create(input: Omit<Invite, 'id' | 'uses' | 'revokedAt' | 'createdAt'> & { tokenHash: string }): Promise<Invite>;
  byTokenHash(tokenHash: string): Promise<Invite | undefined>;
  get(id: string): Promise<Invite | undefined>;
  listForWorkshop(workshopId: string): Promise<Invite[]>;
  revoke(id: string, at: number): Promise<void>;
  /**
   * Count one use if the invite is still usable at `now`, atomically (two people opening the last
   * use at once: one gets it). Returns false when it was not.
   */
  use(id: string, now: number): Promise<boolean>;
}

export interface AuditLog {
  record(event: Omit<AuditEvent, 'id' | 'at'> & { at?: number }): Promise<void>;
  list(filter: { organisationId?: string; workshopId?: string; actorId?: string; limit: number; before?: number }): Promise<AuditEvent[]>;
  /**
   * GDPR erasure: events the user did keep no id and a placeholder label, and the given strings
   * (their name, email) are replaced with the placeholder wherever they appear in any event.
   */
  anonymise(userId: string, placeholder: string, strings: readonly string[]): Promise<void>;
}

export interface StoredUpdates {
  /** The compacted state (one merged update), if compaction has run. */
  state: Uint8Array | undefined;
  /** Updates not yet merged into the state, in append order. */
  updates: Uint8Array[];
}

/**
 * The append-only update log of each document. Compaction merges the state and the stored
 * updates into one new state and deletes exactly the updates it merged, so an update that
 * commits while compaction runs (another instance's, say) is never lost.
 */
export interface UpdateLog {
  /** Durably append one update (committed before the promise resolves); returns its sequence number. */
  append(documentId: string, update: Uint8Array): Promise<number>;
  /** Durably append several updates, of one or many documents, in one transaction (group commit), in the order given. */
  appendMany(entries: readonly { documentId: string; update: Uint8Array }[]): Promise<void>;
  /** The state and the unmerged updates, read from one snapshot. */
  load(documentId: string): Promise<StoredUpdates>;
  /** Merge the state and all stored updates with `merge` (Y.mergeUpdates); returns how many updates it merged. */
  compact(documentId: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<number>;
  /**
   * Replace the document's whole history with one state: `rewrite` gets the stored state and
   * updates (in a locked transaction) and returns the new state. Used to purge content that must
   * not stay in any update; exactly the updates read are deleted. On SQLite the database files are
   * then scrubbed (WAL checkpointed and truncated, VACUUM), so the old bytes are not recoverable.
   */
  rewrite(documentId: string, rewrite: (parts: Uint8Array[]) => Uint8Array): Promise<void>;
  /** How many updates are not yet merged into the state. */
  tailLength(documentId: string): Promise<number>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  organisations: OrganisationStore;
  users: UserStore;
  sessions: SessionStore;
  workshops: WorkshopStore;
  documents: DocumentStore;
  invites: InviteStore;
  audit: AuditLog;
  updates: UpdateLog;
  /** Immutable numbered workshop versions. */
  snapshots: SnapshotStore;
  /** Which user each Yjs client id belongs to, per document. */
  attribution: AttributionStore;
  /** Automatic per-document checkpoints. */
  checkpoints: CheckpointStore;
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
