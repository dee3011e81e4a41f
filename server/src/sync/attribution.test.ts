import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GoalTable, setPlainText } from '@yhteispaja/model';
import { allStored } from '../testing/acks.ts';
import { memberClient } from '../testing/people.ts';
import { adminCredentials, ApiClient, eventually, startTestServer, storeKinds, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

for (const kind of storeKinds) {
  describe(`attribution of client ids on ${kind}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    beforeAll(async () => {
      server = await startTestServer({ store: kind });
      admin = await new ApiClient(server.origin).login(adminCredentials);
    });
    afterAll(() => server.dispose());

    it('credits each connection’s client id to its user, server changes to the actor, across a compaction and a restart', async () => {
      const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Kuka teki' });
      const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
      const anna = await memberClient(admin, workshopId, 'Anna', 'participant');
      const ben = await memberClient(admin, workshopId, 'Ben', 'participant');
      const a = connectProvider(server.origin, documentId, anna.cookie, { acks: true });
      const b = connectProvider(server.origin, documentId, ben.cookie, { acks: true });
      await Promise.all([a.synced, b.synced]);
      const rows = new GoalTable(a.doc).rows();
      setPlainText(new GoalTable(a.doc).richText(rows[0]!.id, 'goal')!, 'Annan tavoite');
      await allStored(a);
      await eventually(() => expect(new GoalTable(b.doc).rows().length).toBe(rows.length));
      new GoalTable(b.doc).removeRow(rows[1]!.id);
      await allStored(b);
      const imported = await fetch(`${server.origin}/api/documents/${documentId}/import`, {
        method: 'POST',
        headers: { origin: server.origin, cookie: admin.cookie!, 'content-type': 'text/csv' },
        body: 'Tavoite;Kehittämistehtävä\nTuotu rivi;Tehdään\n',
      });
      expect(imported.status).toBe(200);
      const me = (await admin.json('GET', '/api/me')).user as { id: string; name: string };
      const adminId = me.id;
      const ownersOf = async (s: TestServer) => new Map((await s.store.attribution.owners(documentId)).map((o) => [o.clientId, o.name]));
      await eventually(async () => {
        const owners = await ownersOf(server);
        expect(owners.get(a.doc.clientID)).toBe('Anna');
        // Ben only deleted: he owns no structs, and is credited with the deletion instead.
        expect(owners.has(b.doc.clientID)).toBe(false);
        expect([...owners.values()]).toContain(me.name);
      });
      a.destroy();
      b.destroy();
      await eventually(async () => {
        const deletions = await server.store.attribution.deletions(documentId);
        expect(deletions.some((d) => d.userId === ben.userId)).toBe(true);
      });
      expect((await server.store.attribution.owners(documentId)).find((o) => o.userId === adminId)).toBeDefined();

      await server.store.updates.compact(documentId, Y.mergeUpdates);
      server = await server.restart();
      expect((await ownersOf(server)).get(a.doc.clientID)).toBe('Anna');
      expect((await server.store.attribution.deletions(documentId)).some((d) => d.userId === ben.userId)).toBe(true);
      admin = await new ApiClient(server.origin).login(adminCredentials);
    });

    it('refuses an update under a client id another user owns, and records the conflict', async () => {
      const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Väärennys' });
      const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
      const anna = await memberClient(admin, workshopId, 'Anna', 'participant');
      const mallory = await memberClient(admin, workshopId, 'Mallory', 'participant');
      const a = connectProvider(server.origin, documentId, anna.cookie, { acks: true });
      await a.synced;
      const row = new GoalTable(a.doc).rows()[0]!.id;
      setPlainText(new GoalTable(a.doc).richText(row, 'goal')!, 'Annan työ');
      await allStored(a);

      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(a.doc));
      // After the state: Yjs itself picks a new id when an update brings structs under its own.
      forged.clientID = a.doc.clientID;
      const m = connectProvider(server.origin, documentId, mallory.cookie, { doc: forged });
      await m.synced;
      setPlainText(new GoalTable(forged).richText(row, 'task')!, 'Mallory kirjoitti tämän');
      await eventually(async () => expect(await server.store.attribution.conflicts(documentId)).toEqual([expect.objectContaining({ clientId: a.doc.clientID, claimedBy: mallory.userId })]));
      const stored = await server.store.updates.load(documentId);
      const doc = new Y.Doc();
      for (const part of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(doc, part);
      expect(JSON.stringify(doc.toJSON())).not.toContain('Mallory kirjoitti');
      expect((await server.store.attribution.owners(documentId)).find((o) => o.clientId === a.doc.clientID)?.name).toBe('Anna');
      m.destroy();
      a.destroy();
    });
  });
}
