import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCode, GoalTable, setPlainText } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider, rawSocket } from '../testing/sync-client.ts';
import { eraseExpiredWorkshops } from './retention.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await new ApiClient(server.origin).login(adminCredentials);
});
afterAll(() => server.dispose());

async function storedBytes(documentId: string): Promise<Buffer> {
  const stored = await server.store.updates.load(documentId);
  return Buffer.concat([...(stored.state ? [stored.state] : []), ...stored.updates]);
}

describe('GDPR export and erasure', () => {
  it('exports a user’s data, then erases them from documents, history, audit log and accounts', async () => {
    const email = 'aino.asiakas@example.com';
    await admin.json('POST', '/api/users', { email, name: 'Aino Asiakaskokemus', password: 'long-enough-pw' });
    const aino = await new ApiClient(server.origin).login({ email, password: 'long-enough-pw' });
    const { id: workshopId } = await aino.json('POST', '/api/workshops', { title: 'Asiakasraati' });
    const { id: documentId } = await aino.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });

    const writer = connectProvider(server.origin, documentId, aino.cookie, { acks: true });
    await writer.synced;
    const table = new GoalTable(writer.doc);
    setPlainText(table.richText(table.rows()[0]!.id, 'responsible')!, 'Aino Asiakaskokemus');
    await server.store.updates.compact(documentId, Y.mergeUpdates);
    setPlainText(table.richText(table.rows()[1]!.id, 'responsible')!, `Yhteys: ${email}`);
    const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)!;
    await eventually(() => expect(Y.decodeStateVector(writer.acks.at(-1)!).get(writer.doc.clientID)).toBe(clock));
    writer.destroy();

    const exported = await aino.json('GET', '/api/me/export');
    expect(exported.user).toMatchObject({ name: 'Aino Asiakaskokemus', email });
    expect(exported.workshops).toEqual([{ id: workshopId, title: 'Asiakasraati', role: 'facilitator' }]);
    expect(exported.activity.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['sign-in', 'workshop-created', 'document-created']));

    const bytesBefore = await storedBytes(documentId);
    expect(bytesBefore.includes('Asiakaskokemus')).toBe(true);
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: aino.cookie! });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));

    const { user } = await aino.json('GET', '/api/me');
    expect(await admin.json('DELETE', `/api/users/${user.id}`)).toEqual({ purged: 2 });

    expect(await closed).toBe(closeCode.unauthorized);
    const bytesAfter = await storedBytes(documentId);
    expect(bytesAfter.includes('Aino Asiakaskokemus')).toBe(false);
    expect(bytesAfter.includes(email)).toBe(false);
    expect((await new ApiClient(server.origin).request('POST', '/api/auth/login', { email, password: 'long-enough-pw' })).status).toBe(401);
    const organisationAudit = await admin.json('GET', `/api/organisations/${user.organisationId}/audit?limit=500`);
    expect(JSON.stringify(organisationAudit)).not.toContain(email);
    expect(JSON.stringify(organisationAudit)).not.toContain('Aino Asiakaskokemus');
    expect(organisationAudit.some((e: { actor: string }) => e.actor === 'erased user')).toBe(true);
  });

  it('lets a user erase themselves, and nobody else’s account outside their organisation', async () => {
    await admin.json('POST', '/api/users', { email: 'self@example.com', name: 'Itse Poistaja', password: 'long-enough-pw' });
    const self = await new ApiClient(server.origin).login({ email: 'self@example.com', password: 'long-enough-pw' });
    const { user: adminUser } = await admin.json('GET', '/api/me');
    expect((await self.request('DELETE', `/api/users/${adminUser.id}`)).status).toBe(404);
    expect((await self.request('DELETE', '/api/me')).status).toBe(200);
    expect((await self.request('GET', '/api/me')).status).toBe(401);
  });
});

describe('retention', () => {
  it('erases a workshop’s documents and invitations once its retention period is over', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Lyhytikäinen', retentionDays: 30 });
    const { id: keptId } = await admin.json('POST', '/api/workshops', { title: 'Pysyvä' });
    const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
    await admin.json('POST', `/api/workshops/${workshopId}/invites`, { role: 'participant' });
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));

    expect(await eraseExpiredWorkshops(server.store, server.fanout, server.logger, Date.now() + 29 * 86_400_000)).toBe(0);
    expect(await eraseExpiredWorkshops(server.store, server.fanout, server.logger, Date.now() + 31 * 86_400_000)).toBe(1);

    expect(await closed).toBe(closeCode.forbidden);
    expect(await admin.json('GET', `/api/workshops/${workshopId}/documents`)).toEqual([]);
    expect(await admin.json('GET', `/api/workshops/${workshopId}/invites`)).toEqual([]);
    expect(await server.store.updates.load(documentId)).toEqual({ state: undefined, updates: [] });
    expect((await admin.json('GET', `/api/workshops/${workshopId}`)).erasedAt).not.toBeNull();
    expect((await admin.json('GET', `/api/workshops/${keptId}`)).erasedAt).toBeNull();
    const audit = await admin.json('GET', `/api/workshops/${workshopId}/audit`);
    expect(audit[0]).toMatchObject({ action: 'workshop-content-erased', actor: 'system', details: { documents: 1 } });
  });

  it('lets a facilitator set or clear the retention period', async () => {
    const { id } = await admin.json('POST', '/api/workshops', { title: 'Säädettävä' });
    expect(await admin.json('PATCH', `/api/workshops/${id}`, { retentionDays: 365 })).toMatchObject({ retentionDays: 365 });
    expect(await admin.json('PATCH', `/api/workshops/${id}`, { retentionDays: null })).toMatchObject({ retentionDays: null });
    expect((await admin.request('PATCH', `/api/workshops/${id}`, {})).status).toBe(400);
  });
});
