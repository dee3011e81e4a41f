import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySavedState, hasUnconfirmedEdits, SaveTracker, type SavedState } from './save-tracker.ts';

const remote = { remote: true };
const localCopy = { localCopy: true };

function setup(options: { restoring?: boolean; sending?: boolean; server?: Y.Doc } = {}) {
  const doc = new Y.Doc();
  const server = options.server ?? new Y.Doc();
  let sending = options.sending ?? true;
  let changes = 0;
  const saved: SavedState[] = [];
  const tracker = new SaveTracker(doc, {
    isRemote: (origin) => origin === remote,
    isLocalCopy: (origin) => origin === localCopy,
    isSending: () => sending,
    onChange: () => changes++,
    onSavedStateChange: (state) => saved.push(state),
    restoring: options.restoring ?? false,
  });
  /** The server stores everything the client has and acknowledges one update. */
  const ack = () => {
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
    tracker.acknowledge(Y.decodeStateVector(Y.encodeStateVector(server)));
  };
  return {
    doc,
    server,
    tracker,
    ack,
    setSending: (value: boolean) => (sending = value),
    changes: () => changes,
    /** The last saved state the tracker asked to keep with the local copy. */
    lastSaved: () => saved.at(-1),
  };
}

/** A new page load: a fresh doc that reads `previous` back from the local copy, offline. */
function reload(previous: Y.Doc, server: Y.Doc) {
  const next = setup({ restoring: true, sending: false, server });
  Y.applyUpdate(next.doc, Y.encodeStateAsUpdate(previous), localCopy);
  return next;
}

describe('SaveTracker', () => {
  it('is saved before any local edit', () => {
    const { tracker } = setup();
    expect(tracker.pending).toBe(false);
  });

  it('waits for an acknowledgement that covers the local clock', () => {
    const { doc, tracker, ack, changes } = setup();
    doc.getText('t').insert(0, 'hei');
    expect(tracker.pending).toBe(true);
    ack();
    expect(tracker.pending).toBe(false);
    expect(changes()).toBe(2);
  });

  it('stays pending while a later edit is unacknowledged', () => {
    const { doc, tracker, ack } = setup();
    doc.getText('t').insert(0, 'a');
    doc.getText('t').insert(1, 'b');
    // An acknowledgement of the first update only.
    tracker.acknowledge(new Map([[doc.clientID, 1]]));
    expect(tracker.pending).toBe(true);
    ack();
    expect(tracker.pending).toBe(false);
  });

  it('ignores updates that came from the server', () => {
    const { doc, tracker } = setup();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'muualta');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), remote);
    expect(tracker.pending).toBe(false);
  });

  it('counts a delete-only edit on the open socket until it is acknowledged', () => {
    const { doc, tracker, ack } = setup();
    doc.getText('t').insert(0, 'abc');
    ack();
    doc.getText('t').delete(0, 1);
    expect(tracker.pending).toBe(true);
    ack();
    expect(tracker.pending).toBe(false);
  });

  it('keeps an offline delete-only edit pending until the next connection acknowledges', () => {
    const { doc, tracker, ack, setSending } = setup();
    doc.getText('t').insert(0, 'abc');
    ack();
    setSending(false);
    tracker.connectionChanged();
    doc.getText('t').delete(0, 1);
    expect(tracker.pending).toBe(true);
    setSending(true);
    tracker.connectionChanged();
    expect(tracker.pending).toBe(true);
    // On the new connection the provider answers the server's sync step 1 with its sync reply.
    tracker.syncReplySent();
    expect(tracker.pending).toBe(true);
    ack();
    expect(tracker.pending).toBe(false);
  });

  it('forgets in-flight updates when the connection changes; inserts still need their ack', () => {
    const { doc, tracker, ack } = setup();
    doc.getText('t').insert(0, 'abc');
    tracker.connectionChanged();
    expect(tracker.pending).toBe(true);
    ack();
    expect(tracker.pending).toBe(false);
  });

  it('keeps offline deletes pending until the sync reply itself is acknowledged, not an earlier ack', () => {
    const { doc, tracker, ack, setSending } = setup();
    doc.getText('t').insert(0, 'abc');
    ack();
    setSending(false);
    tracker.connectionChanged();
    doc.getText('t').delete(0, 1);
    setSending(true);
    tracker.connectionChanged();
    // An edit typed on the new socket before the server's sync step 1 arrived.
    doc.getText('t').insert(0, 'x');
    tracker.syncReplySent();
    ack(); // the typed edit
    expect(tracker.pending).toBe(true);
    ack(); // the sync reply with the delete set
    expect(tracker.pending).toBe(false);
  });

  it('keeps a delete-only update that was in flight when the socket closed pending until the next sync reply is acknowledged', () => {
    const { doc, tracker, ack, setSending } = setup();
    doc.getText('t').insert(0, 'abc');
    ack();
    doc.getText('t').delete(0, 1);
    setSending(false);
    tracker.connectionChanged();
    expect(tracker.pending).toBe(true);
    setSending(true);
    tracker.connectionChanged();
    tracker.syncReplySent();
    expect(tracker.pending).toBe(true);
    ack();
    expect(tracker.pending).toBe(false);
  });

  it('keeps a refused delete-only update pending', () => {
    const { doc, tracker, ack } = setup();
    doc.getText('t').insert(0, 'abc');
    ack();
    doc.getText('t').delete(0, 1);
    tracker.refused();
    expect(tracker.pending).toBe(true);
    expect(tracker.savedState.unconfirmedDeletes).toBe(true);
  });

  it('counts content from the server as confirmed, so it is never reported as unsaved', () => {
    const { doc, tracker, lastSaved } = setup();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'muualta');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), remote);
    expect(tracker.pending).toBe(false);
    expect(lastSaved()?.confirmed.get(other.clientID)).toBe(7);
  });

  it('is pending while the local copy is read, then saved if an earlier load had everything confirmed', () => {
    const first = setup();
    first.doc.getText('t').insert(0, 'tallessa');
    first.ack();
    const other = new Y.Doc();
    other.getText('u').insert(0, 'muualta');
    Y.applyUpdate(first.doc, Y.encodeStateAsUpdate(other), remote);
    const saved = first.lastSaved()!;
    expect(hasUnconfirmedEdits(first.doc, saved)).toBe(false);

    const second = reload(first.doc, first.server);
    expect(second.tracker.pending).toBe(true);
    second.tracker.restore(saved);
    expect(second.tracker.pending).toBe(false);
    expect(second.doc.getText('t').toString()).toBe('tallessa');
  });

  it('keeps content an earlier load made offline pending across a reload until the sync reply is acknowledged', () => {
    const first = setup();
    first.doc.getText('t').insert(0, 'abc');
    first.ack();
    first.setSending(false);
    first.tracker.connectionChanged();
    first.doc.getText('t').insert(3, ' offline');
    expect(first.tracker.pending).toBe(true);

    const second = reload(first.doc, first.server);
    second.tracker.restore(first.lastSaved()!);
    // Offline after the reload: the status line must still say "not saved yet".
    expect(second.tracker.pending).toBe(true);
    second.setSending(true);
    second.tracker.connectionChanged();
    second.tracker.syncReplySent();
    expect(second.tracker.pending).toBe(true);
    second.ack();
    expect(second.tracker.pending).toBe(false);
    expect(second.server.getText('t').toString()).toBe('abc offline');
  });

  it('keeps a delete an earlier load made offline pending across a reload', () => {
    const first = setup();
    first.doc.getText('t').insert(0, 'abc');
    first.ack();
    first.setSending(false);
    first.tracker.connectionChanged();
    first.doc.getText('t').delete(0, 1);
    expect(first.lastSaved()?.unconfirmedDeletes).toBe(true);

    const second = reload(first.doc, first.server);
    second.tracker.restore(first.lastSaved()!);
    expect(second.tracker.pending).toBe(true);
    second.setSending(true);
    second.tracker.connectionChanged();
    second.tracker.syncReplySent();
    second.ack();
    expect(second.tracker.pending).toBe(false);
    expect(second.lastSaved()?.unconfirmedDeletes).toBe(false);
    expect(second.server.getText('t').toString()).toBe('bc');
  });

  it('treats content read back from the local copy as unconfirmed when nothing was kept about it', () => {
    const first = setup();
    first.doc.getText('t').insert(0, 'abc');
    const second = reload(first.doc, first.server);
    second.tracker.restore(emptySavedState());
    expect(second.tracker.pending).toBe(true);
  });

  it('reports no saved state while restoring, so an empty one never overwrites the kept one', () => {
    const { doc, tracker, lastSaved } = setup({ restoring: true, sending: false });
    doc.getText('t').insert(0, 'a');
    expect(lastSaved()).toBeUndefined();
    tracker.restore(emptySavedState());
    expect(lastSaved()).toBeDefined();
  });
});
