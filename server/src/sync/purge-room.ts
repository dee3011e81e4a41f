import * as Y from 'yjs';
import { closeCode, forgetPurgedKeys, removeTextEverywhere } from '@yhteispaja/model';
import { findPurge } from './purge-pool.ts';
import { remoteOrigin } from './origins.ts';
import type { Room } from './room.ts';

/** Origin of the purge's deletion in the live doc: relayed to every socket, published by the purge itself. */
const purgeOrigin = Symbol('purge');

/**
 * Remove every occurrence of `text` from the document and from its stored history: the stored
 * updates are folded into one state without it (garbage-collected, not just hidden). The deletion
 * reaches every client like an edit. Call it from the room's queue, so no update interleaves.
 */
export async function purgeRoom(room: Room, text: string): Promise<number> {
  // The search and the deletion are made in a worker; nothing has changed if it fails or times out.
  const found = await findPurge({ state: Y.encodeStateAsUpdate(room.doc), text });
  const emitted: Uint8Array[] = [];
  const collect = (update: Uint8Array) => emitted.push(update);
  let removed = found.removed;
  try {
    if (found.deletion) {
      room.doc.on('update', collect);
      try {
        Y.applyUpdate(room.doc, found.deletion, purgeOrigin);
      } finally {
        room.doc.off('update', collect);
      }
      // A key that held the text is dropped from this doc's history as the worker's copy did.
      forgetPurgedKeys(room.doc, text);
    }
    await room.deps.log.rewrite(room.documentId, (parts) => {
      // Fold in whatever the store has that this room has not seen (another instance's updates).
      // Quarantined parts are left out: the purged history is the document as it opened.
      for (const part of parts) if (!room.isQuarantined(part)) Y.applyUpdate(room.doc, part, remoteOrigin);
      room.doc.on('update', collect);
      try {
        // What the store held that the room had not seen is purged here (usually nothing: cheap).
        removed += removeTextEverywhere(room.doc, text);
      } finally {
        room.doc.off('update', collect);
      }
      return Y.encodeStateAsUpdate(room.doc);
    });
  } catch (error) {
    // The doc may hold a deletion the store lacks: make every client sync again.
    for (const connection of room.connections) connection.close(closeCode.storeUnavailable, 'purge failed');
    throw error;
  }
  if (emitted.length > 0) room.deps.channel.publishUpdate(Y.mergeUpdates(emitted));
  room.storedBytes = Y.encodeStateAsUpdate(room.doc).byteLength;
  room.appendedSinceCompaction = 0;
  // The rewritten history holds none of the quarantined parts any more.
  room.quarantined.splice(0);
  return removed;
}
