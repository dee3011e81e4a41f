import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { closeCode, GoalTable, messageType, richTextToPlain, setPlainText } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually, startTestServer, storeKinds, type TestServer } from '../testing/server.ts';
import { connectProvider, rawSocket } from '../testing/sync-client.ts';

for (const kind of storeKinds) describe(`sync on ${kind}`, () => {
  let server: TestServer;
  let admin: ApiClient;
  let workshopId: string;

  async function newGoalTable(title = 'Tavoitteet'): Promise<string> {
    const { id } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title });
    return id;
  }

  async function userWithRole(email: string, role: 'participant' | 'observer' | undefined): Promise<ApiClient> {
    await admin.request('POST', '/api/users', { email, name: email.split('@')[0], password: 'long-enough-pw' });
    if (role) await admin.json('POST', `/api/workshops/${workshopId}/members`, { email, role });
    return new ApiClient(server.origin).login({ email, password: 'long-enough-pw' });
  }

  beforeAll(async () => {
    server = await startTestServer({ store: kind });
    admin = await new ApiClient(server.origin).login(adminCredentials);
    workshopId = (await admin.json('POST', '/api/workshops', { title: 'Sync' })).id;
  });
  afterAll(() => server?.dispose());

  describe('sync with the stock y-websocket client', () => {
    it('delivers the stored template and converges two clients editing at once', async () => {
      const documentId = await newGoalTable();
      const a = connectProvider(server.origin, documentId, admin.cookie);
      const b = connectProvider(server.origin, documentId, admin.cookie);
      await Promise.all([a.synced, b.synced]);
      const tableA = new GoalTable(a.doc);
      const tableB = new GoalTable(b.doc);
      expect(tableA.rows()).toHaveLength(3);

      const first = tableA.rows()[0]!.id;
      setPlainText(tableA.richText(first, 'goal')!, 'Palveluohjaus yhtenäistetään');
      tableB.setStatus(first, 'status', 'started');
      const added = tableB.addRow();
      await eventually(() => {
        expect(a.doc.toJSON()).toEqual(b.doc.toJSON());
        expect(tableA.rows().map((r) => r.id)).toContain(added);
        expect(tableB.status(first, 'status')).toBe('started');
        expect(richTextToPlain(tableB.richText(first, 'goal')!)).toBe('Palveluohjaus yhtenäistetään');
      });
      a.destroy();
      b.destroy();
    });

    it('acknowledges durable updates to clients that ask, and only to them', async () => {
      const documentId = await newGoalTable();
      const asking = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
      const stock = connectProvider(server.origin, documentId, admin.cookie);
      await Promise.all([asking.synced, stock.synced]);
      const table = new GoalTable(asking.doc);
      table.setStatus(table.rows()[0]!.id, 'status', 'done');
      const clock = Y.decodeStateVector(Y.encodeStateVector(asking.doc)).get(asking.doc.clientID)!;
      await eventually(() => {
        const last = asking.acks.at(-1);
        expect(last).toBeDefined();
        expect(Y.decodeStateVector(last!).get(asking.doc.clientID)).toBe(clock);
      });
      await eventually(() => expect(new GoalTable(stock.doc).status(table.rows()[0]!.id, 'status')).toBe('done'));
      expect(stock.acks).toEqual([]);
      asking.destroy();
      stock.destroy();
    });

    it('loses nothing across a restart: a new client sees every acknowledged edit', async () => {
      const documentId = await newGoalTable();
      const writer = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
      await writer.synced;
      const table = new GoalTable(writer.doc);
      for (let i = 0; i < 20; i++) table.addRow();
      setPlainText(table.richText(table.rows()[0]!.id, 'task')!, 'Kirjaus ennen uudelleenkäynnistystä');
      const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)!;
      await eventually(() => expect(Y.decodeStateVector(writer.acks.at(-1)!).get(writer.doc.clientID)).toBe(clock));
      const expected = writer.doc.toJSON();
      writer.destroy();

      server = await server.restart();
      admin = await new ApiClient(server.origin).login(adminCredentials);
      const reader = connectProvider(server.origin, documentId, admin.cookie);
      await reader.synced;
      const restored = new GoalTable(reader.doc); // defines the root types, so toJSON lists them
      expect(reader.doc.toJSON()).toEqual(expected);
      expect(restored.rows()).toHaveLength(23);
      reader.destroy();
    });

    it('compacts the log in the background and reloads from the compacted state plus the tail', async () => {
      const documentId = await newGoalTable();
      const writer = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
      await writer.synced;
      const table = new GoalTable(writer.doc);
      const rowId = table.rows()[0]!.id;
      for (let i = 0; i < 620; i++) table.setStatus(rowId, 'status', i % 2 === 0 ? 'started' : 'done');
      const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)!;
      // 620 durable appends: under a loaded machine this takes longer than the default poll.
      await eventually(() => expect(Y.decodeStateVector(writer.acks.at(-1)!).get(writer.doc.clientID)).toBe(clock), 30_000);
      await eventually(async () => expect((await server.store.updates.load(documentId)).state).toBeDefined(), 10_000);
      expect(await server.store.updates.tailLength(documentId)).toBeLessThan(500);
      writer.destroy();

      server = await server.restart();
      admin = await new ApiClient(server.origin).login(adminCredentials);
      const reader = connectProvider(server.origin, documentId, admin.cookie);
      await reader.synced;
      expect(new GoalTable(reader.doc).status(rowId, 'status')).toBe('done');
      reader.destroy();
    });

    it('counts connections and stored updates in /metrics', async () => {
      const documentId = await newGoalTable();
      const client = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
      await client.synced;
      const table = new GoalTable(client.doc);
      table.addRow();
      await eventually(() => expect(client.acks.length).toBeGreaterThan(0));
      const text = await (await fetch(`${server.origin}/metrics`)).text();
      expect(text).toMatch(/^yhteispaja_sync_connections [1-9]/m);
      expect(text).toMatch(/^yhteispaja_documents_in_memory [1-9]/m);
      expect(text).toMatch(/^yhteispaja_sync_updates_total [1-9]/m);
      expect(text).toMatch(/^yhteispaja_store_append_seconds_count [1-9]/m);
      client.destroy();
    });

    it('relays awareness and removes a client’s presence when it disconnects', async () => {
      const documentId = await newGoalTable();
      const a = connectProvider(server.origin, documentId, admin.cookie);
      const b = connectProvider(server.origin, documentId, admin.cookie);
      await Promise.all([a.synced, b.synced]);
      // The client's own fields travel; its user is set by the server from the session.
      a.provider.awareness.setLocalStateField('cell', { rowId: 'r1', columnId: 'goal' });
      await eventually(() => expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({ cell: { rowId: 'r1', columnId: 'goal' }, user: { name: expect.any(String) } }));
      const aClient = a.doc.clientID;
      a.destroy();
      await eventually(() => expect(b.provider.awareness.getStates().has(aClient)).toBe(false));
      b.destroy();
    });
  });

  describe('access at connect', () => {
    it('answers 401 without a session and 403 to a non-member', async () => {
      const documentId = await newGoalTable();
      expect((await rawSocket(server.origin, `/sync/${documentId}`)).status).toBe(401);
      expect((await rawSocket(server.origin, `/sync/${documentId}`, { origin: '' })).status).toBe(401);
      const outsider = await userWithRole('sync-outsider@example.com', undefined);
      expect((await rawSocket(server.origin, `/sync/${documentId}`, { cookie: outsider.cookie! })).status).toBe(403);
      expect((await rawSocket(server.origin, `/sync/${crypto.randomUUID()}`, { cookie: admin.cookie! })).status).toBe(403);
    });

    it('refuses a foreign or missing Origin on the upgrade', async () => {
      const documentId = await newGoalTable();
      const { status } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie!, origin: 'https://evil.example' });
      expect(status).toBe(403);
      expect((await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie!, origin: '' })).status).toBe(403);
    });

    it('drops an observer’s updates: not applied, stored or relayed, and tells the observer', async () => {
      const documentId = await newGoalTable();
      const observer = await userWithRole('sync-observer@example.com', 'observer');
      const watching = connectProvider(server.origin, documentId, observer.cookie);
      const editor = connectProvider(server.origin, documentId, admin.cookie);
      await Promise.all([watching.synced, editor.synced]);
      await eventually(() => expect(watching.readOnly).toBe(true));
      const observerTable = new GoalTable(watching.doc);
      observerTable.addRow();
      // A later edit by a writer arriving proves the observer's earlier frame was processed and dropped.
      const editorTable = new GoalTable(editor.doc);
      editorTable.setStatus(editorTable.rows()[0]!.id, 'status', 'done');
      await eventually(() => expect(observerTable.status(editorTable.rows()[0]!.id, 'status')).toBe('done'));
      expect(editorTable.rows()).toHaveLength(3);
      watching.destroy();
      editor.destroy();
      const fresh = connectProvider(server.origin, documentId, admin.cookie);
      await fresh.synced;
      expect(new GoalTable(fresh.doc).rows()).toHaveLength(3);
      fresh.destroy();
    });

    it('closes a removed member’s sockets, and reconnects a demoted one read-only', async () => {
      const documentId = await newGoalTable();
      const member = await userWithRole(`sync-removed-${kind}@example.com`, 'participant');
      const me = await member.json('GET', '/api/me');
      const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: member.cookie! });
      const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
      const started = Date.now();
      expect((await admin.request('DELETE', `/api/workshops/${workshopId}/members/${me.user.id}`)).status).toBe(204);
      expect(await closed).toBe(closeCode.accessChanged);
      expect(Date.now() - started).toBeLessThan(2000);
      expect((await rawSocket(server.origin, `/sync/${documentId}`, { cookie: member.cookie! })).status).toBe(403);

      await admin.json('POST', `/api/workshops/${workshopId}/members`, { email: me.user.email, role: 'participant' });
      const client = connectProvider(server.origin, documentId, member.cookie);
      await client.synced;
      expect(client.readOnly).toBe(false);
      await admin.json('POST', `/api/workshops/${workshopId}/members`, { email: me.user.email, role: 'observer' });
      await eventually(() => expect(client.readOnly).toBe(true));
      client.destroy();
    });

    it('closes the sockets of a session when it signs out', async () => {
      const documentId = await newGoalTable();
      const user = await userWithRole('sync-logout@example.com', 'participant');
      const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: user.cookie! });
      const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
      await user.json('POST', '/api/auth/logout');
      expect(await closed).toBe(closeCode.unauthorized);
    });
  });

  describe('bad frames', () => {
    it('closes only the sender of a malformed frame, with the documented code', async () => {
      const documentId = await newGoalTable();
      const bystander = connectProvider(server.origin, documentId, admin.cookie);
      await bystander.synced;
      const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
      const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageType.sync);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsUpdate);
      encoding.writeVarUint8Array(encoder, new Uint8Array([200, 1, 2, 3, 4, 5]));
      socket!.send(encoding.toUint8Array(encoder));
      expect(await closed).toBe(closeCode.malformedMessage);

      const table = new GoalTable(bystander.doc);
      table.addRow();
      const check = connectProvider(server.origin, documentId, admin.cookie);
      await check.synced;
      await eventually(() => expect(new GoalTable(check.doc).rows()).toHaveLength(4));
      bystander.destroy();
      check.destroy();
    });

    it('closes a socket that sends a frame over the size limit', async () => {
      const documentId = await newGoalTable();
      const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
      const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
      socket!.send(new Uint8Array(3 * 1024 * 1024));
      expect(await closed).toBe(1009);
    });
  });
});
