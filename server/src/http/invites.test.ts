import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCode } from '@yhteispaja/model';
import { generateSessionToken, sessionIdFromToken } from '../auth/sessions.ts';
import { adminCredentials, ApiClient, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider, rawSocket } from '../testing/sync-client.ts';

let server: TestServer;
let facilitator: ApiClient;
let workshopId: string;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer();
  facilitator = await new ApiClient(server.origin).login(adminCredentials);
  workshopId = (await facilitator.json('POST', '/api/workshops', { title: 'Asiakasraati' })).id;
  documentId = (await facilitator.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' })).id;
});
afterAll(() => server.dispose());

async function invite(body: Record<string, unknown> = {}) {
  return facilitator.json('POST', `/api/workshops/${workshopId}/invites`, { role: 'participant', expiresInHours: 4, maxUses: 5, ...body });
}

async function join(token: string, displayName = 'Kokemusasiantuntija Kaisa'): Promise<{ guest: ApiClient; response: Response }> {
  const guest = new ApiClient(server.origin);
  const response = await guest.request('POST', `/api/invites/${token}/accept`, { displayName });
  return { guest, response };
}

describe('invitation links', () => {
  it('creates a link that a guest joins with only a display name, landing in that workshop alone', async () => {
    const created = await invite();
    expect(created).toMatchObject({ role: 'participant', maxUses: 5, uses: 0, status: 'active', url: `${server.origin}/join/${created.token}` });
    expect(await new ApiClient(server.origin).json('GET', `/api/invites/${created.token}`)).toMatchObject({ workshopTitle: 'Asiakasraati', role: 'participant' });

    const { guest, response } = await join(created.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ workshopId, role: 'participant', user: { name: 'Kokemusasiantuntija Kaisa', guest: true, email: null } });
    const me = await guest.json('GET', '/api/me');
    expect(me.workshops.map((w: { id: string }) => w.id)).toEqual([workshopId]);
    expect((await guest.request('POST', '/api/workshops', { title: 'Oma' })).status).toBe(403);
    expect((await guest.request('POST', `/api/workshops/${workshopId}/invites`, { role: 'participant' })).status).toBe(403);

    // The guest edits the workshop's document live.
    const client = connectProvider(server.origin, documentId, guest.cookie);
    await client.synced;
    expect(client.readOnly).toBe(false);
    client.destroy();

    const listed = await facilitator.json('GET', `/api/workshops/${workshopId}/invites`);
    expect(listed.find((i: { id: string }) => i.id === created.id)).toMatchObject({ uses: 1, status: 'active' });
    expect(listed[0]).not.toHaveProperty('token');
    const members = await facilitator.json('GET', `/api/workshops/${workshopId}/members`);
    expect(members).toContainEqual(expect.objectContaining({ name: 'Kokemusasiantuntija Kaisa', role: 'participant', guest: true }));
  });

  it('says clearly when a link is used up, expired, revoked or unknown', async () => {
    const once = await invite({ maxUses: 1 });
    expect((await join(once.token)).response.status).toBe(200);
    const usedUp = (await join(once.token)).response;
    expect(usedUp.status).toBe(410);
    expect(((await usedUp.json()) as { error: { code: string } }).error.code).toBe('invite_used_up');

    const revoked = await invite();
    expect((await facilitator.request('DELETE', `/api/workshops/${workshopId}/invites/${revoked.id}`)).status).toBe(204);
    const revokedAnswer = await new ApiClient(server.origin).request('GET', `/api/invites/${revoked.token}`);
    expect(revokedAnswer.status).toBe(410);
    expect(((await revokedAnswer.json()) as { error: { code: string } }).error.code).toBe('invite_revoked');

    expect((await new ApiClient(server.origin).request('GET', `/api/invites/${'a'.repeat(32)}`)).status).toBe(404);
    expect((await new ApiClient(server.origin).request('GET', '/api/invites/not-a-token')).status).toBe(404);
  });

  it('lets nobody take the last use twice', async () => {
    const last = await invite({ maxUses: 1 });
    const answers = await Promise.all([join(last.token, 'A'), join(last.token, 'B'), join(last.token, 'C')]);
    expect(answers.map((a) => a.response.status).sort()).toEqual([200, 410, 410]);
  });

  it('refuses facilitator links and bad input', async () => {
    expect((await facilitator.request('POST', `/api/workshops/${workshopId}/invites`, { role: 'facilitator' })).status).toBe(422);
    expect((await facilitator.request('POST', `/api/workshops/${workshopId}/invites`, { role: 'participant', maxUses: 0 })).status).toBe(400);
    const created = await invite();
    expect((await new ApiClient(server.origin).request('POST', `/api/invites/${created.token}/accept`, { displayName: '' })).status).toBe(400);
  });

  it('revoking with removeGuests ends the guests’ memberships, sessions and sockets', async () => {
    const created = await invite({ role: 'observer' });
    const { guest } = await join(created.token, 'Vieras');
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: guest.cookie! });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    expect((await facilitator.request('DELETE', `/api/workshops/${workshopId}/invites/${created.id}?removeGuests=true`)).status).toBe(204);
    expect([closeCode.unauthorized, closeCode.accessChanged]).toContain(await closed);
    expect((await guest.request('GET', '/api/me')).status).toBe(401);
    const members = await facilitator.json('GET', `/api/workshops/${workshopId}/members`);
    expect(members.map((m: { name: string }) => m.name)).not.toContain('Vieras');
  });
});

describe('sockets and sessions', () => {
  it('closes an open socket when its session reaches its end', async () => {
    const created = await invite();
    const { guest } = await join(created.token, 'Lyhyt istunto');
    const { user } = await guest.json('GET', '/api/me');
    // A session of this guest that ends a second from now, as if its 24 hours were nearly over.
    const token = generateSessionToken();
    const now = Date.now();
    await server.store.sessions.create({ id: sessionIdFromToken(token), userId: user.id, expiresAt: now + 60_000, absoluteExpiresAt: now + 1000, createdAt: now });
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: `session=${token}` });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    expect(await closed).toBe(closeCode.unauthorized);
    expect(Date.now() - now).toBeGreaterThanOrEqual(900);
    expect((await rawSocket(server.origin, `/sync/${documentId}`, { cookie: `session=${token}` })).status).toBe(401);
  });

  it('refuses a participant of one workshop a document of another', async () => {
    const { id: otherWorkshop } = await facilitator.json('POST', '/api/workshops', { title: 'Toinen' });
    const { id: otherDocument } = await facilitator.json('POST', `/api/workshops/${otherWorkshop}/documents`, { type: 'goal-table', title: 'T' });
    const { guest } = await join((await invite()).token, 'Osallistuja');
    expect((await rawSocket(server.origin, `/sync/${otherDocument}`, { cookie: guest.cookie! })).status).toBe(403);
    expect((await rawSocket(server.origin, `/sync/${documentId}`, { cookie: guest.cookie! })).status).toBe(101);
    expect((await guest.request('GET', `/api/documents/${otherDocument}`)).status).toBe(404);
  });
});

describe('membership rules', () => {
  it('changes a guest’s role by id, and never leaves a workshop without a facilitator', async () => {
    const { token } = await invite();
    const { guest, response } = await join(token, 'Roolivieras');
    const { user } = (await response.json()) as { user: { id: string } };
    expect(await facilitator.json('PATCH', `/api/workshops/${workshopId}/members/${user.id}`, { role: 'observer' })).toEqual({ userId: user.id, role: 'observer' });
    expect(await guest.json('GET', `/api/workshops/${workshopId}`)).toMatchObject({ role: 'observer' });

    const { user: me } = await facilitator.json('GET', '/api/me');
    const demote = await facilitator.request('PATCH', `/api/workshops/${workshopId}/members/${me.id}`, { role: 'participant' });
    expect(demote.status).toBe(409);
    expect((await facilitator.request('DELETE', `/api/workshops/${workshopId}/members/${me.id}`)).status).toBe(409);
    await facilitator.json('PATCH', `/api/workshops/${workshopId}/members/${user.id}`, { role: 'facilitator' });
    expect((await facilitator.request('PATCH', `/api/workshops/${workshopId}/members/${me.id}`, { role: 'facilitator' })).status).toBe(200);
    await facilitator.json('PATCH', `/api/workshops/${workshopId}/members/${user.id}`, { role: 'participant' });
  });

  it('ends the browser’s previous session when someone joins by link in it', async () => {
    const { token } = await invite();
    const signedIn = await new ApiClient(server.origin).login(adminCredentials);
    const oldCookie = signedIn.cookie;
    const response = await signedIn.request('POST', `/api/invites/${token}/accept`, { displayName: 'Samassa selaimessa' });
    expect(response.status).toBe(200);
    const old = new ApiClient(server.origin);
    old.cookie = oldCookie;
    expect((await old.request('GET', '/api/me')).status).toBe(401);
  });
});
