/**
 * The store as the rest of the server sees it. Adapters (sqlite/, later postgres/) implement
 * it; only main.ts picks one. Every method is async so a networked store fits unchanged.
 */
import type { DocumentType } from '@yhteispaja/model';

export type WorkshopRole = 'facilitator' | 'participant' | 'observer';

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  createdAt: number;
}

export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface Session {
  /** SHA-256 of the token, hex: the token itself is never stored. */
  id: string;
  userId: string;
  expiresAt: number;
  createdAt: number;
}

export interface Workshop {
  id: string;
  title: string;
  createdBy: string;
  createdAt: number;
}

export interface DocumentRecord {
  id: string;
  workshopId: string;
  type: DocumentType;
  title: string;
  createdBy: string;
  createdAt: number;
}

export interface UserStore {
  create(input: { email: string; name: string; passwordHash: string; isAdmin: boolean }): Promise<User>;
  byEmail(email: string): Promise<UserWithPassword | undefined>;
  byId(id: string): Promise<User | undefined>;
  count(): Promise<number>;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  /** The session with its user, or undefined. Expiry is the caller's to judge. */
  get(id: string): Promise<{ session: Session; user: User } | undefined>;
  setExpiry(id: string, expiresAt: number): Promise<void>;
  delete(id: string): Promise<void>;
}

export interface WorkshopStore {
  /** Creates the workshop and makes `createdBy` its facilitator, in one transaction. */
  create(input: { title: string; createdBy: string }): Promise<Workshop>;
  get(id: string): Promise<Workshop | undefined>;
  listForUser(userId: string): Promise<(Workshop & { role: WorkshopRole })[]>;
  role(workshopId: string, userId: string): Promise<WorkshopRole | undefined>;
  setMember(workshopId: string, userId: string, role: WorkshopRole): Promise<void>;
  /** Returns false when the user was not a member. */
  removeMember(workshopId: string, userId: string): Promise<boolean>;
}

export interface DocumentStore {
  /** Creates the record and stores `initialState` as the document's first update, in one transaction. */
  create(input: Omit<DocumentRecord, 'id' | 'createdAt'> & { initialState: Uint8Array }): Promise<DocumentRecord>;
  get(id: string): Promise<DocumentRecord | undefined>;
  listForWorkshop(workshopId: string): Promise<DocumentRecord[]>;
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
  /** The state and the unmerged updates, read from one snapshot. */
  load(documentId: string): Promise<StoredUpdates>;
  /** Merge the state and all stored updates with `merge` (Y.mergeUpdates); returns how many updates it merged. */
  compact(documentId: string, merge: (updates: Uint8Array[]) => Uint8Array): Promise<number>;
  /** How many updates are not yet merged into the state. */
  tailLength(documentId: string): Promise<number>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  users: UserStore;
  sessions: SessionStore;
  workshops: WorkshopStore;
  documents: DocumentStore;
  updates: UpdateLog;
  /** Resolves when the store answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
