/**
 * Ports for versioned history (issue #9): immutable workshop snapshots, the attribution of Yjs
 * client ids to users, and automatic per-document checkpoints. Adapters live in sql/.
 */
import type { DocumentType } from '@yhteispaja/model';

/** A user id, or `system` for changes nobody signed in made (migrations, scheduled jobs). */
export type ActorId = string;
export const systemActor: ActorId = 'system';

export interface SnapshotParticipant {
  userId: ActorId;
  name: string;
}

export interface Snapshot {
  id: string;
  workshopId: string;
  /** 1, 2, … per workshop, without gaps. */
  version: number;
  label: string;
  createdAt: number;
  createdBy: ActorId;
  createdByName: string;
  participants: SnapshotParticipant[];
  /** SHA-256 (hex) of the canonical JSON of the snapshot's content: see commands/snapshot-hash.ts. */
  sha256: string;
}

export interface SnapshotDocument {
  documentId: string;
  /** Display order in the workshop when the snapshot was taken. */
  position: number;
  type: DocumentType;
  title: string;
  /** The document's Yjs state (a V1 update), to open read-only in the editor or restore. */
  state: Uint8Array;
  /** The materialised document as canonical JSON: what reports and diffs read, never the Yjs layout. */
  content: string;
}

/** One document of a workshop as the store had it at one moment. */
export interface CapturedDocument {
  documentId: string;
  type: DocumentType;
  title: string;
  /** The compacted state and the tail, in order: apply all of them. */
  parts: Uint8Array[];
}

export interface SnapshotStore {
  /** Every document of the workshop read in one transaction: an atomic cut of what the store has committed. */
  captureWorkshop(workshopId: string): Promise<CapturedDocument[]>;
  /**
   * Store a new snapshot with the next version number. `seal(version)` returns the SHA-256 for
   * that number; when two snapshots race for a number, the loser is sealed again with the next.
   */
  create(
    input: Omit<Snapshot, 'id' | 'version' | 'sha256'> & { documents: SnapshotDocument[] },
    seal: (version: number) => string,
  ): Promise<Snapshot>;
  get(id: string): Promise<Snapshot | undefined>;
  byVersion(workshopId: string, version: number): Promise<Snapshot | undefined>;
  /** Oldest first. */
  listForWorkshop(workshopId: string): Promise<Snapshot[]>;
  /** The snapshot's documents in their display order. */
  documents(snapshotId: string): Promise<SnapshotDocument[]>;
  document(snapshotId: string, documentId: string): Promise<SnapshotDocument | undefined>;
  /**
   * GDPR erasure of a user: their name, where a snapshot shows it (author, participants), becomes
   * `placeholder`. The hashed content names users by id only, so every snapshot still verifies.
   */
  anonymiseUser(userId: string, placeholder: string): Promise<void>;
  /** The snapshots that hold this document, oldest first. */
  listForDocument(documentId: string): Promise<Snapshot[]>;
}

export interface ClientOwner {
  clientId: number;
  userId: ActorId;
  /** The user's name now; 'system' for system changes, a placeholder once the account is erased. */
  name: string;
}

export interface DeletionRange {
  clientId: number;
  clock: number;
  length: number;
}

export interface AttributionStore {
  /**
   * Claim client ids for `userId`. The first owner of a client id keeps it: a claim on an id
   * another user owns is recorded as a conflict and changes nothing. Returns the ids' owners.
   */
  claim(documentId: string, clientIds: readonly number[], userId: ActorId, at: number): Promise<Map<number, ActorId>>;
  owners(documentId: string): Promise<ClientOwner[]>;
  /** Who deleted which structs (Yjs deletions carry no author of their own). */
  recordDeletions(documentId: string, ranges: readonly DeletionRange[], userId: ActorId, at: number): Promise<void>;
  deletions(documentId: string): Promise<(DeletionRange & { userId: ActorId; at: number })[]>;
  conflicts(documentId: string): Promise<{ clientId: number; claimedBy: ActorId; at: number }[]>;
}

export type CheckpointReason = 'activity' | 'left' | 'before-restore';

export interface Checkpoint {
  id: string;
  documentId: string;
  createdAt: number;
  reason: CheckpointReason;
  createdBy: ActorId | null;
}

export interface CheckpointStore {
  create(input: Omit<Checkpoint, 'id'> & { state: Uint8Array; content: string }): Promise<Checkpoint>;
  /** Newest first. */
  list(documentId: string): Promise<Checkpoint[]>;
  get(id: string): Promise<(Checkpoint & { state: Uint8Array; content: string }) | undefined>;
  delete(ids: readonly string[]): Promise<void>;
}
