import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GoalTable, richTextToPlain, setPlainText } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually, startTestServer, storeKinds, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

const hetu = '131052-308T';

for (const kind of storeKinds) {
  describe(`purging personal data on ${kind}`, () => {
    let server: TestServer;
    let facilitator: ApiClient;
    let workshopId: string;

    beforeAll(async () => {
      server = await startTestServer({ store: kind });
      facilitator = await new ApiClient(server.origin).login(adminCredentials);
      workshopId = (await facilitator.json('POST', '/api/workshops', { title: 'Purge' })).id;
    });
    afterAll(() => server.dispose());

    async function storedBytes(documentId: string): Promise<Buffer> {
      const stored = await server.store.updates.load(documentId);
      return Buffer.concat([...(stored.state ? [stored.state] : []), ...stored.updates]);
    }

    it('removes a personal identity code from the live document, the update log and the compacted state', async () => {
      const { id: documentId } = await facilitator.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
      const writer = connectProvider(server.origin, documentId, facilitator.cookie, { acks: true });
      const watcher = connectProvider(server.origin, documentId, facilitator.cookie);
      await Promise.all([writer.synced, watcher.synced]);
      const table = new GoalTable(writer.doc);
      const [first, second] = table.rows().map((r) => r.id);
      setPlainText(table.richText(first!, 'goal')!, `Asiakas ${hetu} tarvitsee tukea`);
      await server.store.updates.compact(documentId, Y.mergeUpdates);
      setPlainText(table.richText(second!, 'task')!, `Muistio: ${hetu}`);
      const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)!;
      await eventually(() => expect(Y.decodeStateVector(writer.acks.at(-1)!).get(writer.doc.clientID)).toBe(clock));
      expect((await storedBytes(documentId)).includes(hetu)).toBe(true);

      expect(await facilitator.json('POST', `/api/documents/${documentId}/purge`, { text: hetu })).toEqual({ removed: 2 });

      expect((await storedBytes(documentId)).includes(hetu)).toBe(false);
      expect((await storedBytes(documentId)).includes('308T')).toBe(false);
      const watched = new GoalTable(watcher.doc);
      await eventually(() => {
        expect(richTextToPlain(watched.richText(first!, 'goal')!)).toBe('Asiakas  tarvitsee tukea');
        expect(richTextToPlain(watched.richText(second!, 'task')!)).toBe('Muistio: ');
      });
      // Editing goes on as before, and a fresh client gets the purged document.
      setPlainText(table.richText(second!, 'task')!, 'Jatketaan');
      const fresh = connectProvider(server.origin, documentId, facilitator.cookie);
      await fresh.synced;
      await eventually(() => expect(richTextToPlain(new GoalTable(fresh.doc).richText(second!, 'task')!)).toBe('Jatketaan'));
      expect(richTextToPlain(new GoalTable(fresh.doc).richText(first!, 'goal')!)).toBe('Asiakas  tarvitsee tukea');
      for (const client of [writer, watcher, fresh]) client.destroy();
    });

    it('purges a document nobody has open, and only facilitators may', async () => {
      const { id: documentId } = await facilitator.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T2' });
      const writer = connectProvider(server.origin, documentId, facilitator.cookie, { acks: true });
      await writer.synced;
      const table = new GoalTable(writer.doc);
      setPlainText(table.richText(table.rows()[0]!.id, 'responsible')!, `Yhteyshenkilö ${hetu}`);
      const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)!;
      await eventually(() => expect(Y.decodeStateVector(writer.acks.at(-1)!).get(writer.doc.clientID)).toBe(clock));
      expect((await storedBytes(documentId)).includes(hetu)).toBe(true);
      writer.destroy();

      await facilitator.request('POST', '/api/users', { email: `purge-participant-${kind}@example.com`, name: 'P', password: 'long-enough-pw' });
      await facilitator.json('POST', `/api/workshops/${workshopId}/members`, { email: `purge-participant-${kind}@example.com`, role: 'participant' });
      const participant = await new ApiClient(server.origin).login({ email: `purge-participant-${kind}@example.com`, password: 'long-enough-pw' });
      expect((await participant.request('POST', `/api/documents/${documentId}/purge`, { text: hetu })).status).toBe(403);
      expect((await facilitator.request('POST', `/api/documents/${documentId}/purge`, { text: 'ab' })).status).toBe(400);

      expect(await facilitator.json('POST', `/api/documents/${documentId}/purge`, { text: hetu })).toEqual({ removed: 1 });
      expect((await storedBytes(documentId)).includes(hetu)).toBe(false);
      const audit = await facilitator.json('GET', `/api/workshops/${workshopId}/audit`);
      expect(audit[0]).toMatchObject({ action: 'content-purged', details: { removed: 1, length: hetu.length } });
      expect(JSON.stringify(audit)).not.toContain(hetu);
    });
  });
}
