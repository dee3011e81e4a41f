import { canonicalJson, sha256Hex } from '@yhteispaja/model';
import type { Snapshot, SnapshotDocument } from '../storage/history-ports.ts';

/**
 * The SHA-256 of a snapshot: of the canonical JSON (sorted keys, no whitespace) of its content —
 * the documents' materialised JSON in document-id order, the version, label, time, author and
 * participants (by user id, so erasing an account later changes no hashed byte). Anyone holding
 * the same content computes the same hash; a changed byte in the stored content does not match.
 */
export function snapshotHash(
  snapshot: Pick<Snapshot, 'version' | 'label' | 'createdAt' | 'createdBy' | 'participants'>,
  documents: readonly Pick<SnapshotDocument, 'documentId' | 'content'>[],
): string {
  return sha256Hex(
    canonicalJson({
      version: snapshot.version,
      label: snapshot.label,
      createdAt: snapshot.createdAt,
      createdBy: snapshot.createdBy,
      participants: snapshot.participants.map((p) => p.userId).sort(),
      documents: [...documents]
        .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0))
        .map((document) => ({ id: document.documentId, content: JSON.parse(document.content) as unknown })),
    }),
  );
}
