import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addLink, GoalTable, ServicePath, setPlainText } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await new ApiClient(server.origin).login(adminCredentials);
});
afterAll(() => server.dispose());

describe('GET /api/workshops/:id/trace', () => {
  it('follows a pain point on the service path to the goal-table row it links to', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Jäljitys' });
    const { id: pathId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'service-path', title: 'Polku' });
    const { id: tableId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet' });
    const pathClient = connectProvider(server.origin, pathId, admin.cookie, { acks: true });
    const tableClient = connectProvider(server.origin, tableId, admin.cookie, { acks: true });
    await Promise.all([pathClient.synced, tableClient.synced]);
    const table = new GoalTable(tableClient.doc);
    const row = table.rows()[0]!.id;
    setPlainText(table.richText(row, 'goal')!, 'Yhteinen numero');
    const path = new ServicePath(pathClient.doc);
    const stage = path.stageIds()[0]!;
    const pain = path.addItem(stage, 'painPoints', 'Ei tiedä minne soittaa')!;
    addLink(path.itemLinks(stage, 'painPoints', pain)!, { documentId: tableId, itemId: row });
    for (const client of [pathClient, tableClient]) {
      const clock = Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID)!;
      await eventually(() => expect(Y.decodeStateVector(client.acks.at(-1)!).get(client.doc.clientID)).toBe(clock));
    }

    const trace = await admin.json('GET', `/api/workshops/${workshopId}/trace?documentId=${tableId}&itemId=${row}`);
    expect(trace.nodes.map((n: { kind: string; label: string }) => [n.kind, n.label])).toEqual([
      ['row', 'Yhteinen numero'],
      ['pain-point', 'Ei tiedä minne soittaa'],
    ]);
    expect(trace.links).toEqual([{ from: { documentId: pathId, itemId: pain }, to: { documentId: tableId, itemId: row } }]);
    const items = await admin.json('GET', `/api/workshops/${workshopId}/items`);
    expect(items.map((d: { title: string }) => d.title).sort()).toEqual(['Polku', 'Tavoitteet']);
    expect((await admin.request('GET', `/api/workshops/${workshopId}/trace?documentId=x`)).status).toBe(400);
    pathClient.destroy();
    tableClient.destroy();
  });
});
