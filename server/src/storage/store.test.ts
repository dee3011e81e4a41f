import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from './ports.ts';
import { openSqliteStore } from './sqlite/index.ts';
import { openThrowawayPostgres } from '../testing/postgres.ts';

/** The storage contract; every adapter runs the same suite. */
const adapters: { name: string; open: () => Promise<{ store: Store; cleanup: () => void | Promise<void> }> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'yhteispaja-store-'));
      const store = openSqliteStore(dir);
      return { store, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  { name: 'postgres', open: openThrowawayPostgres },
];

for (const adapter of adapters) {
  describe(`${adapter.name} store`, () => {
    let store: Store;
    let cleanup: () => void | Promise<void>;
    let documentId: string;

    beforeEach(async () => {
      ({ store, cleanup } = await adapter.open());
      const user = await store.users.create({ email: 'owner@example.com', name: 'Owner', passwordHash: 'x', isAdmin: false });
      const workshop = await store.workshops.create({ title: 'W', createdBy: user.id });
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'first');
      ({ id: documentId } = await store.documents.create({
        workshopId: workshop.id,
        type: 'goal-table',
        title: 'T',
        createdBy: user.id,
        initialState: Y.encodeStateAsUpdate(doc),
      }));
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    function rebuild(stored: { state: Uint8Array | undefined; updates: Uint8Array[] }): string {
      const doc = new Y.Doc();
      if (stored.state) Y.applyUpdate(doc, stored.state);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return doc.getText('t').toString();
    }

    it('stores the initial state with the document and appends in order', async () => {
      const writer = new Y.Doc();
      Y.applyUpdate(writer, rebuildUpdate(await store.updates.load(documentId)));
      const pending: Promise<number>[] = [];
      writer.on('update', (update: Uint8Array) => pending.push(store.updates.append(documentId, update)));
      writer.getText('t').insert(5, ' second');
      writer.getText('t').insert(12, ' third');
      const seqs = await Promise.all(pending);
      const loaded = await store.updates.load(documentId);
      expect(loaded.updates).toHaveLength(3);
      expect(rebuild(loaded)).toBe('first second third');
      expect(seqs[1]! > seqs[0]!).toBe(true);
    });

    it('compacts state and updates into one state; later updates stay in the tail', async () => {
      const writer = new Y.Doc();
      Y.applyUpdate(writer, rebuildUpdate(await store.updates.load(documentId)));
      const pending: Promise<number>[] = [];
      writer.on('update', (update: Uint8Array) => pending.push(store.updates.append(documentId, update)));
      const text = writer.getText('t');
      for (const word of [' a', ' b', ' c']) text.insert(text.length, word);
      await Promise.all(pending);
      expect(await store.updates.compact(documentId, Y.mergeUpdates)).toBe(4);
      text.insert(text.length, ' d');
      await Promise.all(pending);
      const after = await store.updates.load(documentId);
      expect(after.state).toBeDefined();
      expect(after.updates).toHaveLength(1);
      expect(await store.updates.tailLength(documentId)).toBe(1);
      expect(rebuild(after)).toBe('first a b c d');
      // Compacting again folds the tail into the state.
      expect(await store.updates.compact(documentId, Y.mergeUpdates)).toBe(1);
      expect(rebuild(await store.updates.load(documentId))).toBe('first a b c d');
      expect(await store.updates.compact(documentId, Y.mergeUpdates)).toBe(0);
    });

    it('lists workshops with the caller’s role and keeps members per workshop', async () => {
      const other = await store.users.create({ email: 'other@example.com', name: 'Other', passwordHash: 'x', isAdmin: false });
      const owner = (await store.users.byEmail('OWNER@example.com'))!;
      const [workshop] = await store.workshops.listForUser(owner.id);
      expect(workshop).toMatchObject({ title: 'W', role: 'facilitator' });
      expect(await store.workshops.listForUser(other.id)).toEqual([]);
      await store.workshops.setMember(workshop!.id, other.id, 'observer');
      await store.workshops.setMember(workshop!.id, other.id, 'participant');
      expect(await store.workshops.role(workshop!.id, other.id)).toBe('participant');
    });

    it('keeps sessions by hashed id and deletes them', async () => {
      const owner = (await store.users.byEmail('owner@example.com'))!;
      await store.sessions.create({ id: 'abc', userId: owner.id, expiresAt: 10, createdAt: 1 });
      expect(await store.sessions.get('abc')).toMatchObject({ session: { userId: owner.id, expiresAt: 10 }, user: { email: 'owner@example.com' } });
      await store.sessions.setExpiry('abc', 20);
      expect((await store.sessions.get('abc'))!.session.expiresAt).toBe(20);
      await store.sessions.delete('abc');
      expect(await store.sessions.get('abc')).toBeUndefined();
    });
  });
}

function rebuildUpdate(stored: { state: Uint8Array | undefined; updates: Uint8Array[] }): Uint8Array {
  return Y.mergeUpdates(stored.state ? [stored.state, ...stored.updates] : stored.updates);
}
