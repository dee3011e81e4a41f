import * as Y from 'yjs';

const restoring = Symbol('restoring');

/**
 * Change `doc` so that its content equals the content of `target` (an earlier state of the same
 * document), as new edits on top of its history: nothing is rewritten, so every client simply
 * receives one more update. The target is replayed forward to now in a scratch doc and the replay
 * undone: what was inserted since is deleted, what was deleted since is inserted again.
 */
export function restoreTo(doc: Y.Doc, target: Uint8Array): void {
  const past = new Y.Doc({ gc: false });
  Y.applyUpdate(past, target);
  // Root types created after the target must be in scope too, or their content would stay.
  for (const name of doc.share.keys()) past.get(name);
  const undo = new Y.UndoManager([...past.share.values()], { trackedOrigins: new Set([restoring]), captureTimeout: 0 });
  Y.applyUpdate(past, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(past)), restoring);
  undo.undo();
  undo.destroy();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(past, Y.encodeStateVector(doc)));
  past.destroy();
}
