import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { adminCredentials, ApiClient, eventually, startTestServer, storeKinds, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

/** One random edit on a shared doc: text, map, array or rich-text (XML) content. */
function randomEdit(gen: prng.PRNG, doc: Y.Doc, label: string): void {
  const text = doc.getText('text');
  const map = doc.getMap('map');
  const array = doc.getArray<string>('array');
  const xml = doc.getXmlFragment('rich');
  switch (prng.int32(gen, 0, 5)) {
    case 0:
      text.insert(prng.int32(gen, 0, text.length), label);
      break;
    case 1:
      if (text.length > 2) text.delete(prng.int32(gen, 0, text.length - 2), prng.int32(gen, 1, 2));
      break;
    case 2:
      map.set(`k${prng.int32(gen, 0, 6)}`, label);
      break;
    case 3:
      array.insert(prng.int32(gen, 0, array.length), [label]);
      break;
    case 4:
      if (array.length > 0) array.delete(prng.int32(gen, 0, array.length - 1), 1);
      break;
    default: {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(label)]);
      xml.insert(prng.int32(gen, 0, xml.length), [paragraph]);
    }
  }
}

for (const kind of storeKinds) {
  describe(`random concurrent edits on ${kind}`, () => {
    let server: TestServer;
    let admin: ApiClient;
    let documentId: string;

    beforeAll(async () => {
      server = await startTestServer({ store: kind });
      admin = await new ApiClient(server.origin).login(adminCredentials);
      const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Fuzz' });
      ({ id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' }));
    });
    afterAll(() => server.dispose());

    it('converges every client and the stored document to one state', async () => {
      const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
      console.info(`convergence seed ${seed} (${kind})`);
      const gen = prng.create(seed);
      const clients = Array.from({ length: 4 }, () => connectProvider(server.origin, documentId, admin.cookie));
      await Promise.all(clients.map((client) => client.synced));

      for (let round = 0; round < 50; round++) {
        for (const [index, client] of clients.entries()) {
          for (let n = prng.int32(gen, 0, 3); n > 0; n--) randomEdit(gen, client.doc, `c${index}r${round}`);
        }
        // Let some frames cross mid-flight, so edits interleave with remote ones.
        if (round % 5 === 0) await new Promise((resolve) => setTimeout(resolve, prng.int32(gen, 0, 10)));
      }

      // A pure deletion does not move the state vector: wait for equal contents too.
      let snapshots: ReturnType<Y.Doc['toJSON']>[] = [];
      await eventually(() => {
        const expected = Y.encodeStateVector(clients[0]!.doc);
        for (const client of clients) expect(Y.encodeStateVector(client.doc)).toEqual(expected);
        snapshots = clients.map((client) => client.doc.toJSON());
        for (const snapshot of snapshots) expect(snapshot).toEqual(snapshots[0]);
      }, 15_000);

      // The document as rebuilt from the store alone equals what the clients hold.
      const stored = await server.store.updates.load(documentId);
      const rebuilt = new Y.Doc();
      for (const update of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(rebuilt, update);
      expect(Y.encodeStateVector(rebuilt)).toEqual(Y.encodeStateVector(clients[0]!.doc));
      rebuilt.getText('text');
      rebuilt.getMap('map');
      rebuilt.getArray('array');
      rebuilt.getXmlFragment('rich');
      expect(rebuilt.toJSON()).toMatchObject({
        text: snapshots[0]!.text,
        map: snapshots[0]!.map,
        array: snapshots[0]!.array,
        rich: snapshots[0]!.rich,
      });
      for (const client of clients) client.destroy();
    });
  });
}
