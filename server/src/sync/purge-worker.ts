import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { removeTextEverywhere } from '@yhteispaja/model';
import type { PurgeReply, PurgeRequest } from './purge-pool.ts';

/** Finds and deletes a purged text in a copy of a document, off the event loop (see purge-pool.ts). */
parentPort!.on('message', ({ state, text }: PurgeRequest) => {
  let reply: PurgeReply;
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const emitted: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => emitted.push(update));
    const removed = removeTextEverywhere(doc, text);
    reply = { ok: true, result: { removed, deletion: emitted.length > 0 ? Y.mergeUpdates(emitted) : null } };
    doc.destroy();
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
