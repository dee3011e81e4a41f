import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Store } from './ports.ts';
import { openSqliteStore } from './sqlite/index.ts';
import { openThrowawayPostgres } from '../testing/postgres.ts';

/** The history part of the storage contract (snapshots, attribution, checkpoints); both adapters run it. */
const adapters: { name: string; open: () => Promise<{ store: Store; cleanup: () => void | Promise<void> }> }[] = [
  {
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'yhteispaja-history-'));
      const store = openSqliteStore(dir);
      return { store, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  { name: 'postgres', open: openThrowawayPostgres },
];

for (const adapter of adapters) {
  describe(`${adapter.name} history store`, () => {
    let store: Store;
    let cleanup: () => void | Promise<void>;
    let workshopId: string;
    let documentId: string;
    let userId: string;

    beforeEach(async () => {
      ({ store, cleanup } = await adapter.open());
      const { id: organisationId } = await store.organisations.create({ name: 'O' });
      const user = await store.users.create({ organisationId, email: 'maija@example.com', name: 'Maija', passwordHash: 'x', organisationRole: 'member' });
      userId = user.id;
      ({ id: workshopId } = await store.workshops.create({ organisationId, title: 'W', createdBy: user.id }));
      const doc = new Y.Doc();
      doc.getText('t').insert(0, 'alku');
      ({ id: documentId } = await store.documents.create({ workshopId, type: 'goal-table', title: 'T', createdBy: user.id, initialState: Y.encodeStateAsUpdate(doc) }));
    });
    afterEach(async () => {
      await store.close();
      await cleanup();
    });

    const snapshotInput = (label: string) => ({
      workshopId,
      label,
      createdAt: 1_700_000_000_000,
      createdBy: userId,
      createdByName: 'Maija',
      participants: [{ userId, name: 'Maija' }],
      documents: [{ documentId, position: 0, type: 'goal-table' as const, title: 'T', state: new Uint8Array([1, 2, 3]), content: '{"a":1}' }],
    });

    it('numbers snapshots 1, 2, … without gaps when many are taken at once', async () => {
      const created = await Promise.all(Array.from({ length: 8 }, (_, i) => store.snapshots.create(snapshotInput(`s${i}`), (version) => `hash-${version}`)));
      expect(created.map((s) => s.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      for (const snapshot of created) expect(snapshot.sha256).toBe(`hash-${snapshot.version}`);
      const listed = await store.snapshots.listForWorkshop(workshopId);
      expect(listed.map((s) => s.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const documents = await store.snapshots.documents(listed[0]!.id);
      expect(documents).toEqual([{ documentId, position: 0, type: 'goal-table', title: 'T', state: new Uint8Array([1, 2, 3]), content: '{"a":1}' }]);
      expect((await store.snapshots.byVersion(workshopId, 3))?.id).toBe(listed[2]!.id);
      expect((await store.snapshots.listForDocument(documentId)).length).toBe(8);
      expect(await store.snapshots.get('not-a-uuid')).toBeUndefined();
    });

    it('captures every document of a workshop from one read', async () => {
      await store.updates.append(documentId, new Uint8Array([0, 0]));
      const captured = await store.snapshots.captureWorkshop(workshopId);
      expect(captured).toHaveLength(1);
      expect(captured[0]!.parts).toHaveLength(2);
      expect(captured[0]!.documentId).toBe(documentId);
    });

    it('keeps the first owner of a client id and records a conflicting claim', async () => {
      const other = await store.users.create({ organisationId: (await store.organisations.list())[0]!.id, email: 'x@example.com', name: 'Mallory', passwordHash: 'x', organisationRole: 'member' });
      expect(await store.attribution.claim(documentId, [11, 12], userId, 1)).toEqual(new Map([[11, userId], [12, userId]]));
      expect(await store.attribution.claim(documentId, [12, 13], other.id, 2)).toEqual(new Map([[12, userId], [13, other.id]]));
      await store.attribution.claim(documentId, [99], 'system', 3);
      const owners = await store.attribution.owners(documentId);
      expect(owners).toEqual([
        { clientId: 11, userId, name: 'Maija' },
        { clientId: 12, userId, name: 'Maija' },
        { clientId: 13, userId: other.id, name: 'Mallory' },
        { clientId: 99, userId: 'system', name: 'system' },
      ]);
      expect(await store.attribution.conflicts(documentId)).toEqual([{ clientId: 12, claimedBy: other.id, at: 2 }]);
      await store.attribution.recordDeletions(documentId, [{ clientId: 11, clock: 0, length: 4 }], other.id, 5);
      expect(await store.attribution.deletions(documentId)).toEqual([{ clientId: 11, clock: 0, length: 4, userId: other.id, at: 5 }]);
      // Attribution is not part of the update log: compaction leaves it as it was.
      await store.updates.compact(documentId, Y.mergeUpdates);
      expect(await store.attribution.owners(documentId)).toHaveLength(4);
    });

    it('stores, lists and deletes checkpoints', async () => {
      const first = await store.checkpoints.create({ documentId, createdAt: 10, reason: 'activity', createdBy: null, state: new Uint8Array([7]), content: '{}' });
      const second = await store.checkpoints.create({ documentId, createdAt: 20, reason: 'left', createdBy: userId, state: new Uint8Array([8]), content: '{"b":2}' });
      expect((await store.checkpoints.list(documentId)).map((c) => c.id)).toEqual([second.id, first.id]);
      expect(await store.checkpoints.get(second.id)).toEqual({ ...second, state: new Uint8Array([8]), content: '{"b":2}' });
      await store.checkpoints.delete([first.id]);
      expect((await store.checkpoints.list(documentId)).map((c) => c.id)).toEqual([second.id]);
    });

    it('replaces an erased user\'s name in snapshots without touching what is hashed', async () => {
      const created = await store.snapshots.create(snapshotInput('s'), () => 'h');
      await store.snapshots.anonymiseUser(userId, 'erased user');
      const after = (await store.snapshots.get(created.id))!;
      expect(after).toEqual({ ...created, createdByName: 'erased user', participants: [{ userId, name: 'erased user' }] });
    });

    it('erases snapshots with the workshop content when its retention period ends', async () => {
      await store.snapshots.create(snapshotInput('s'), () => 'h');
      await store.workshops.eraseContent(workshopId, 5);
      expect(await store.snapshots.listForWorkshop(workshopId)).toEqual([]);
    });
  });
}
