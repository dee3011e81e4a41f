import * as Y from 'yjs';
import { closeCode, removeTextEverywhere } from '@yhteispaja/model';
import { remoteOrigin } from './origins.ts';
import type { Room } from './room.ts';

/**
 * Remove every occurrence of `text` from the document and from its stored history: the stored
 * updates are folded into one state without it (garbage-collected, not just hidden). The deletion
 * reaches every client like an edit. Call it from the room's queue, so no update interleaves.
 */
export async function purgeRoom(room: Room, text: string): Promise<number> {
  const emitted: Uint8Array[] = [];
  const collect = (update: Uint8Array) => emitted.push(update);
  let removed = 0;
  try {
    await room.deps.log.rewrite(room.documentId, (parts) => {
      // Fold in whatever the store has that this room has not seen (another instance's updates).
      // Quarantined parts are left out: the purged history is the document as it opened.
      for (const part of parts) if (!room.isQuarantined(part)) Y.applyUpdate(room.doc, part, remoteOrigin);
      room.doc.on('update', collect);
      try {
        removed = removeTextEverywhere(room.doc, text);
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
