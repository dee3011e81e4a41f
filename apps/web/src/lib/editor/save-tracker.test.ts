import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SaveTracker } from './save-tracker.ts';

const remote = { remote: true };

function setup() {
  const doc = new Y.Doc();
  const server = new Y.Doc();
  let sending = true;
  let changes = 0;
  const tracker = new SaveTracker(doc, {
    isRemote: (origin) => origin === remote,
    isSending: () => sending,
    onChange: () => changes++,
  });
  /** The server stores everything the client has and acknowledges one update. */
  const ack = () => {
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
    tracker.acknowledge(Y.decodeStateVector(Y.encodeStateVector(server)));
  };
  return {
    doc,
    tracker,
    ack,
    setSending: (value: boolean) => (sending = value),
    changes: () => changes,
  };
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
});
