import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GoalTable, richTextToPlain, setPlainText } from '@yhteispaja/model';
import { allStored } from '../testing/acks.ts';
import { memberClient } from '../testing/people.ts';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

describe('document history and restore', () => {
  let server: TestServer;
  let admin: ApiClient;
  beforeAll(async () => {
    // Checkpoints after every change past the first: the activity trigger is exercised without waiting ten minutes.
    server = await startTestServer({ env: { HISTORY_CHECKPOINT_INTERVAL_MS: '1' } });
    admin = await new ApiClient(server.origin).login(adminCredentials);
  });
  afterAll(() => server.dispose());

  it('restores a version as a new change that two live stock clients see, keeping history', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Palautus' });
    const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet' });
    const maija = await memberClient(admin, workshopId, 'Maija', 'participant');
    const facilitator = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    const participant = connectProvider(server.origin, documentId, maija.cookie, { acks: true });
    await Promise.all([facilitator.synced, participant.synced]);
    const table = new GoalTable(participant.doc);
    const row = table.rows()[0]!.id;
    setPlainText(table.richText(row, 'goal')!, 'Yhteinen asiakasnumero');
    table.setStatus(row, 'status', 'started');
    await allStored(participant);
    const { id: snapshotId } = await admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'Ennen' });

    setPlainText(table.richText(row, 'goal')!, 'Kaikki muuttui');
    table.setStatus(row, 'status', 'done');
    const added = table.addRow();
    await allStored(participant);
    await eventually(() => expect(new GoalTable(facilitator.doc).rows().map((r) => r.id)).toContain(added));

    const versions = await maija.json('GET', `/api/documents/${documentId}/versions`);
    expect(versions.find((v: { id: string }) => v.id === snapshotId)).toMatchObject({ kind: 'snapshot', version: 1, label: 'Ennen' });
    expect(versions.some((v: { kind: string; reason: string }) => v.kind === 'checkpoint' && v.reason === 'activity')).toBe(true);

    expect((await maija.request('POST', `/api/documents/${documentId}/restore`, { versionId: snapshotId })).status).toBe(403);
    expect((await admin.request('POST', `/api/documents/${documentId}/restore`, { versionId: 'nope' })).status).toBe(400);
    expect((await admin.request('POST', `/api/documents/${documentId}/restore`, { versionId: crypto.randomUUID() })).status).toBe(404);
    const restored = await admin.json('POST', `/api/documents/${documentId}/restore`, { versionId: snapshotId });
    expect(restored.restored).toMatchObject({ id: snapshotId, kind: 'snapshot' });

    for (const client of [facilitator, participant]) {
      await eventually(() => {
        const live = new GoalTable(client.doc);
        expect(richTextToPlain(live.richText(row, 'goal')!)).toBe('Yhteinen asiakasnumero');
        expect(live.status(row, 'status')).toBe('started');
        expect(live.rows().map((r) => r.id)).not.toContain(added);
      });
    }
    // History was not rewritten: the version before the restore is kept as a checkpoint and opens.
    const after = await admin.json('GET', `/api/documents/${documentId}/versions`);
    const before = after.find((v: { reason: string }) => v.reason === 'before-restore');
    expect(before).toBeDefined();
    const state = await admin.request('GET', `/api/documents/${documentId}/versions/${before.id}/state`);
    expect(state.headers.get('content-type')).toBe('application/octet-stream');
    const opened = new Y.Doc();
    Y.applyUpdate(opened, new Uint8Array(await state.arrayBuffer()));
    expect(richTextToPlain(new GoalTable(opened).richText(row, 'goal')!)).toBe('Kaikki muuttui');
    const content = await admin.json('GET', `/api/documents/${documentId}/versions/${before.id}`);
    expect(JSON.stringify(content.content)).toContain('Kaikki muuttui');
    // The restore is credited to the facilitator who made it.
    const me = (await admin.json('GET', '/api/me')).user;
    expect((await server.store.attribution.owners(documentId)).some((o) => o.userId === me.id)).toBe(true);

    facilitator.destroy();
    participant.destroy();
    await eventually(async () => expect((await server.store.checkpoints.list(documentId)).some((c) => c.reason === 'left')).toBe(true));
  });

  it('drops checkpoints that still hold text purged from the document', async () => {
    const hetu = '131052-308T';
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Henkilötieto' });
    const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
    const client = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    await client.synced;
    const table = new GoalTable(client.doc);
    setPlainText(table.richText(table.rows()[0]!.id, 'goal')!, `Asiakas ${hetu}`);
    await allStored(client);
    client.destroy();
    const holding = async () => {
      let count = 0;
      for (const meta of await server.store.checkpoints.list(documentId)) if ((await server.store.checkpoints.get(meta.id))!.content.includes(hetu)) count++;
      return count;
    };
    // The last person left: the checkpoint taken then holds the text.
    await eventually(async () => expect(await holding()).toBeGreaterThan(0));
    await admin.json('POST', `/api/documents/${documentId}/purge`, { text: hetu });
    expect(await holding()).toBe(0);
  });

  it('shows no version of a document to someone outside its workshop', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Rajattu' });
    const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
    const { id: snapshotId } = await admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'v1' });
    const { id: otherWorkshop } = await admin.json('POST', '/api/workshops', { title: 'Muu' });
    const stranger = await memberClient(admin, otherWorkshop, 'Vieras', 'facilitator');
    expect((await stranger.request('GET', `/api/documents/${documentId}/versions`)).status).toBe(404);
    expect((await stranger.request('GET', `/api/documents/${documentId}/versions/${snapshotId}/state`)).status).toBe(404);
    expect((await stranger.request('POST', `/api/documents/${documentId}/restore`, { versionId: snapshotId })).status).toBe(404);
  });
});
