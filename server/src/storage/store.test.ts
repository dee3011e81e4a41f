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
    let organisationId: string;
    let workshopId: string;

    beforeEach(async () => {
      ({ store, cleanup } = await adapter.open());
      const organisation = await store.organisations.create({ name: 'Hyvinvointialue' });
      organisationId = organisation.id;
      const user = await store.users.create({ organisationId, email: 'owner@example.com', name: 'Owner', passwordHash: 'x', organisationRole: 'member' });
      const workshop = await store.workshops.create({ organisationId, title: 'W', createdBy: user.id });
      workshopId = workshop.id;
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

    it('appends a group of updates in one call, in the order given (group commit)', async () => {
      const writer = new Y.Doc();
      Y.applyUpdate(writer, rebuildUpdate(await store.updates.load(documentId)));
      const updates: Uint8Array[] = [];
      writer.on('update', (update: Uint8Array) => updates.push(update));
      const text = writer.getText('t');
      // More than one INSERT statement's worth, each depending on the one before.
      for (let i = 0; i < 450; i++) text.insert(text.length, String(i % 10));
      await store.updates.appendMany(updates.map((update) => ({ documentId, update })));
      await store.updates.appendMany([]);
      const loaded = await store.updates.load(documentId);
      expect(loaded.updates).toHaveLength(451);
      expect(loaded.updates.slice(1).map((update) => Buffer.from(update).toString('hex'))).toEqual(updates.map((update) => Buffer.from(update).toString('hex')));
      expect(rebuild(loaded)).toBe(`first${Array.from({ length: 450 }, (_, i) => i % 10).join('')}`);
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
      const other = await store.users.create({ organisationId, email: 'other@example.com', name: 'Other', passwordHash: 'x', organisationRole: 'member' });
      const owner = (await store.users.byEmail('OWNER@example.com'))!;
      const [workshop] = await store.workshops.listForUser(owner.id);
      expect(workshop).toMatchObject({ title: 'W', role: 'facilitator' });
      expect(await store.workshops.listForUser(other.id)).toEqual([]);
      await store.workshops.setMember(workshop!.id, other.id, 'observer');
      await store.workshops.setMember(workshop!.id, other.id, 'participant');
      expect(await store.workshops.role(workshop!.id, other.id)).toBe('participant');
      expect((await store.workshops.members(workshop!.id)).map((m) => [m.name, m.role])).toEqual([
        ['Owner', 'facilitator'],
        ['Other', 'participant'],
      ]);
      expect(await store.workshops.removeMember(workshop!.id, other.id)).toBe(true);
      expect(await store.workshops.removeMember(workshop!.id, other.id)).toBe(false);
    });

    it('counts invitation uses atomically and refuses expired, revoked and used-up ones', async () => {
      const owner = (await store.users.byEmail('owner@example.com'))!;
      const now = Date.now();
      const invite = await store.invites.create({ workshopId, tokenHash: 'h1', role: 'participant', expiresAt: now + 60_000, maxUses: 2, createdBy: owner.id });
      expect(await store.invites.byTokenHash('h1')).toMatchObject({ id: invite.id, uses: 0 });
      const attempts = await Promise.all([1, 2, 3].map(() => store.invites.use(invite.id, now)));
      expect(attempts.filter(Boolean)).toHaveLength(2);
      expect((await store.invites.get(invite.id))!.uses).toBe(2);

      const expiring = await store.invites.create({ workshopId, tokenHash: 'h2', role: 'observer', expiresAt: now + 10, maxUses: 5, createdBy: owner.id });
      expect(await store.invites.use(expiring.id, now + 10)).toBe(false);
      const revoked = await store.invites.create({ workshopId, tokenHash: 'h3', role: 'observer', expiresAt: now + 60_000, maxUses: 5, createdBy: owner.id });
      await store.invites.revoke(revoked.id, now);
      expect(await store.invites.use(revoked.id, now)).toBe(false);
      expect((await store.invites.listForWorkshop(workshopId)).map((i) => i.id).sort()).toEqual([invite.id, expiring.id, revoked.id].sort());
    });

    it('records audit events per organisation and workshop, newest first, and anonymises an actor', async () => {
      const owner = (await store.users.byEmail('owner@example.com'))!;
      const base = { organisationId, actorId: owner.id, actorLabel: 'owner@example.com', target: null, details: {}, address: '127.0.0.1' };
      await store.audit.record({ ...base, workshopId: null, action: 'sign-in' });
      await store.audit.record({ ...base, workshopId, action: 'member-added', details: { role: 'observer' } });
      const all = await store.audit.list({ organisationId, limit: 10 });
      expect(all.map((e) => e.action)).toEqual(['member-added', 'sign-in']);
      expect(all[0]!.details).toEqual({ role: 'observer' });
      expect((await store.audit.list({ workshopId, limit: 10 })).map((e) => e.action)).toEqual(['member-added']);
      expect((await store.audit.list({ organisationId, limit: 10, before: all[0]!.id })).map((e) => e.action)).toEqual(['sign-in']);
      await store.audit.record({ ...base, actorId: null, actorLabel: 'someone@example.com', workshopId, action: 'sign-in-failed', details: { email: 'owner@example.com' } });
      await store.audit.anonymise(owner.id, 'erased user', ['owner@example.com']);
      const after = await store.audit.list({ organisationId, limit: 10 });
      expect(after.filter((e) => e.action !== 'sign-in-failed').every((e) => e.actorId === null && e.actorLabel === 'erased user')).toBe(true);
      expect(after[0]).toMatchObject({ actorLabel: 'someone@example.com', details: { email: 'erased user' } });
    });

    it('keeps sessions by hashed id and deletes them', async () => {
      const owner = (await store.users.byEmail('owner@example.com'))!;
      await store.sessions.create({ id: 'abc', userId: owner.id, expiresAt: 10, absoluteExpiresAt: 30, createdAt: 1 });
      expect(await store.sessions.get('abc')).toMatchObject({
        session: { userId: owner.id, expiresAt: 10, absoluteExpiresAt: 30 },
        user: { email: 'owner@example.com', organisationId },
      });
      expect(await store.sessions.get('abc')).not.toHaveProperty('user.passwordHash');
      await store.sessions.setExpiry('abc', 20);
      expect((await store.sessions.get('abc'))!.session.expiresAt).toBe(20);
      await store.sessions.delete('abc');
      expect(await store.sessions.get('abc')).toBeUndefined();
      for (const id of ['s1', 's2', 's3']) await store.sessions.create({ id, userId: owner.id, expiresAt: 10, absoluteExpiresAt: 30, createdAt: 1 });
      expect((await store.sessions.deleteForUser(owner.id, 's2')).sort()).toEqual(['s1', 's3']);
      expect(await store.sessions.get('s2')).toBeDefined();
    });
  });
}

function rebuildUpdate(stored: { state: Uint8Array | undefined; updates: Uint8Array[] }): Uint8Array {
  return Y.mergeUpdates(stored.state ? [stored.state, ...stored.updates] : stored.updates);
}
