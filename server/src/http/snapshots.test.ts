import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GoalTable, setPlainText } from '@yhteispaja/model';
import { memberClient } from '../testing/people.ts';
import { adminCredentials, ApiClient, eventually, startTestServer, storeKinds, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

/** Wait until the server acknowledged every edit of `client` as stored. */
async function stored(client: ReturnType<typeof connectProvider>) {
  const clock = Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID) ?? 0;
  await eventually(() => expect(Y.decodeStateVector(client.acks.at(-1) ?? Y.encodeStateVector(new Y.Doc())).get(client.doc.clientID) ?? 0).toBe(clock));
}

describe('snapshots API', () => {
  let server: TestServer;
  let admin: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await new ApiClient(server.origin).login(adminCredentials);
  });
  afterAll(() => server.dispose());

  it('freezes every document as v1, v2 with who, when, participants and a hash that verifies', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Oma-arviointi' });
    const { id: tableId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet' });
    await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'action-plan', title: 'Toimenpiteet' });
    const maija = await memberClient(admin, workshopId, 'Maija', 'participant');
    const observer = await memberClient(admin, workshopId, 'Olli', 'observer');
    const live = connectProvider(server.origin, tableId, maija.cookie, { acks: true });
    await live.synced;
    const table = new GoalTable(live.doc);
    setPlainText(table.richText(table.rows()[0]!.id, 'goal')!, 'Yhteinen asiakasnumero');
    await stored(live);

    const first = await admin.request('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'Oma-arviointi syksy 2021' });
    expect(first.status).toBe(201);
    const v1 = (await first.json()) as { id: string; version: number; sha256: string };
    expect(v1).toMatchObject({ id: expect.any(String), version: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const second = await observer.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'Kevät 2022' });
    expect(second.version).toBe(2);

    const list = await maija.json('GET', `/api/workshops/${workshopId}/snapshots`);
    expect(list.map((s: { version: number; label: string }) => [s.version, s.label])).toEqual([[1, 'Oma-arviointi syksy 2021'], [2, 'Kevät 2022']]);
    expect(list[0]).toMatchObject({ id: v1.id, createdBy: expect.any(String), createdByName: expect.any(String), sha256: v1.sha256, createdAt: expect.any(String) });
    // Maija edited and is connected; Olli took v2 while Maija was still there.
    expect(list[0].participants).toEqual(['Maija']);

    const detail = await maija.json('GET', `/api/snapshots/${v1.id}`);
    expect(detail.documents.map((d: { title: string }) => d.title)).toEqual(['Tavoitteet', 'Toimenpiteet']);
    const content = await maija.json('GET', `/api/snapshots/${v1.id}/documents/${tableId}`);
    expect(JSON.stringify(content.content)).toContain('Yhteinen asiakasnumero');
    const state = await maija.request('GET', `/api/snapshots/${v1.id}/documents/${tableId}/state`);
    const opened = new Y.Doc();
    Y.applyUpdate(opened, new Uint8Array(await state.arrayBuffer()));
    expect(new GoalTable(opened).rows().length).toBeGreaterThan(0);

    expect(await maija.json('GET', `/api/snapshots/${v1.id}/verify`)).toEqual({ ok: true, sha256: v1.sha256, expected: v1.sha256 });
    live.destroy();
  });

  it('detects a stored snapshot that was changed behind the product', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Peukalointi' });
    await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet' });
    const { id } = await admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'v1' });
    const db = new DatabaseSync(path.join(server.dataDir, 'yhteispaja.sqlite'));
    db.prepare(`UPDATE snapshot_documents SET content = replace(content, 'Tavoitteet', 'Tavoitteeet') WHERE snapshot_id = ?`).run(id);
    db.close();
    const verdict = await admin.json('GET', `/api/snapshots/${id}/verify`);
    expect(verdict.ok).toBe(false);
    expect(verdict.sha256).not.toBe(verdict.expected);
  });

  it('lets only facilitators and observers take snapshots, members read them, and nobody change them', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Oikeudet' });
    const participant = await memberClient(admin, workshopId, 'Pekka', 'participant');
    expect((await participant.request('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'x' })).status).toBe(403);
    expect((await admin.request('POST', `/api/workshops/${workshopId}/snapshots`, { label: '' })).status).toBe(400);
    expect((await admin.request('POST', `/api/workshops/${workshopId}/snapshots`, {})).status).toBe(400);
    const { id } = await admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'Tyhjä' });
    const { id: otherWorkshop } = await admin.json('POST', '/api/workshops', { title: 'Muu' });
    const stranger = await memberClient(admin, otherWorkshop, 'Vieras', 'facilitator');
    expect((await stranger.request('GET', `/api/snapshots/${id}`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/snapshots/${id}/verify`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/workshops/${workshopId}/snapshots`)).status).toBe(404);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await admin.request(method, `/api/snapshots/${id}`, { label: 'muutettu' })).status).toBe(404);
    }
    expect((await admin.json('GET', `/api/snapshots/${id}`)).label).toBe('Tyhjä');
    expect((await admin.request('GET', '/api/snapshots/not-an-id')).status).toBe(404);
  });

  it('takes at most 60 snapshots of a workshop an hour', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Kiire' });
    for (let i = 0; i < 60; i++) expect((await admin.request('POST', `/api/workshops/${workshopId}/snapshots`, { label: `s${i}` })).status).toBe(201);
    const refused = await admin.request('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'yksi liikaa' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await admin.json('GET', `/api/workshops/${workshopId}/snapshots`)).length).toBe(60);
  });
});

for (const store of storeKinds) {
  describe(`snapshot numbering on ${store}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ store });
    });
    afterAll(() => server.dispose());

    it('numbers concurrent snapshots 1…n without gaps or duplicates', async () => {
      const admin = await new ApiClient(server.origin).login(adminCredentials);
      const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Rinnakkain' });
      await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
      const taken = await Promise.all(Array.from({ length: 6 }, (_, i) => admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: `s${i}` })));
      expect(taken.map((s: { version: number }) => s.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      for (const snapshot of taken) expect((await admin.json('GET', `/api/snapshots/${snapshot.id}/verify`)).ok).toBe(true);
    });
  });
}
