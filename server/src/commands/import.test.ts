import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GoalTable, goalTableSchemaVersion, readMeta, richTextToPlain } from '@yhteispaja/model';
import { goalTableV1 } from '@yhteispaja/model/fixtures/goal-table-v1.ts';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

let server: TestServer;
let facilitator: ApiClient;
let workshopId: string;

beforeAll(async () => {
  server = await startTestServer();
  facilitator = await new ApiClient(server.origin).login(adminCredentials);
  workshopId = (await facilitator.json('POST', '/api/workshops', { title: 'Import' })).id;
});
afterAll(() => server.dispose());

async function upload(documentId: string, body: string | Uint8Array, contentType: string, client = facilitator): Promise<Response> {
  return fetch(`${server.origin}/api/documents/${documentId}/import`, {
    method: 'POST',
    headers: { origin: server.origin, cookie: client.cookie!, 'content-type': contentType },
    body,
  });
}

describe('POST /api/documents/:id/import', () => {
  it('fills a goal table from CSV through the live document, so people in it see the rows appear', async () => {
    const { id: documentId } = await facilitator.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
    const watcher = connectProvider(server.origin, documentId, facilitator.cookie);
    await watcher.synced;
    const csv = 'Tavoite;Kehittämistehtävä;Tila;Aikataulu;Vastuuhenkilöt\nPalveluohjaus;Yhteinen puhelinnumero;Aloitettu;kevät 2027;Maija\n';
    const response = await upload(documentId, csv, 'text/csv');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ rowsAdded: 1, columnsCreated: [], personalData: [] });
    const table = new GoalTable(watcher.doc);
    await eventually(() => expect(table.rows()).toHaveLength(4));
    const row = table.rows()[3]!.id;
    expect(richTextToPlain(table.richText(row, 'task')!)).toBe('Yhteinen puhelinnumero');
    expect(table.status(row, 'status')).toBe('started');
    watcher.destroy();

    server = await server.restart();
    facilitator = await new ApiClient(server.origin).login(adminCredentials);
    const reader = connectProvider(server.origin, documentId, facilitator.cookie);
    await reader.synced;
    expect(new GoalTable(reader.doc).rows()).toHaveLength(4);
    reader.destroy();
  });

  it('imports a Markdown table, names the row and column of bad cells, and refuses what it cannot read', async () => {
    const { id: documentId } = await facilitator.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
    const markdown = '| Tavoitteet | Aloitettu | Toteutunut |\n|--|--|--|\n| Osallisuus | x | |\n| Koulutus | | x |\n';
    expect(await (await upload(documentId, markdown, 'text/markdown')).json()).toEqual({ rowsAdded: 2, columnsCreated: [], personalData: [] });

    const bad = await upload(documentId, 'Tavoite,Tila\nA,melkein valmis\n', 'text/csv');
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      error: {
        code: 'import_rejected',
        message: expect.any(String),
        details: [{ row: 2, column: 'Tila', value: 'melkein valmis', message: '"melkein valmis" is not a step of the status scale' }],
      },
    });
    expect((await upload(documentId, 'just text', 'text/markdown')).status).toBe(422);
    expect((await upload(documentId, new Uint8Array([1, 2, 3]), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).status).toBe(422);
    expect((await upload(documentId, 'x', 'application/pdf')).status).toBe(422);
    expect((await upload(documentId, 'a'.repeat(6 * 1024 * 1024), 'text/csv')).status).toBe(422);
  });

  it('fills an action plan, refuses service paths, and lets only facilitators import', async () => {
    const { id: planId } = await facilitator.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'action-plan', title: 'P' });
    const response = await upload(planId, 'Teema,Toimenpide,Tila\nOsallisuus,Asiakasraati,käynnissä\n', 'text/csv');
    expect(await response.json()).toEqual({ rowsAdded: 1, columnsCreated: [], personalData: [] });
    const { id: pathId } = await facilitator.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'service-path', title: 'S' });
    expect((await upload(pathId, 'a\n1', 'text/csv')).status).toBe(422);

    await facilitator.request('POST', '/api/users', { email: 'import-participant@example.com', name: 'P', password: 'long-enough-pw' });
    await facilitator.json('POST', `/api/workshops/${workshopId}/members`, { email: 'import-participant@example.com', role: 'participant' });
    const participant = await new ApiClient(server.origin).login({ email: 'import-participant@example.com', password: 'long-enough-pw' });
    expect((await upload(planId, 'Teema,Toimenpide\nA,B\n', 'text/csv', participant)).status).toBe(403);
  });
});

describe('schema migration on load', () => {
  it('upgrades a stored version-1 goal table when it is first opened, and stores the upgrade', async () => {
    const { user } = await facilitator.json('GET', '/api/me');
    const record = await server.store.documents.create({
      workshopId, type: 'goal-table', title: 'Vanha', createdBy: user.id, initialState: new Uint8Array(Buffer.from(goalTableV1, 'base64')),
    });
    const client = connectProvider(server.origin, record.id, facilitator.cookie);
    await client.synced;
    await eventually(() => expect(readMeta(client.doc)?.schemaVersion).toBe(goalTableSchemaVersion));
    expect(new GoalTable(client.doc).rows().every((r) => r.kind === 'item')).toBe(true);
    client.destroy();
    const stored = await server.store.updates.load(record.id);
    const rebuilt = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(rebuilt, update);
    expect(readMeta(rebuilt)?.schemaVersion).toBe(goalTableSchemaVersion);
  });
});
