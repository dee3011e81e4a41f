import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, ApiClient, startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let system: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  system = await new ApiClient(server.origin).login(adminCredentials);
});
afterAll(() => server.dispose());

const password = 'long-enough-pw';

/** A second organisation with its own admin and a member, set up by the system admin. */
async function organisationWithAdmin(name: string) {
  const { id } = await system.json('POST', '/api/organisations', { name });
  const email = `admin@${name.toLowerCase()}.example`;
  await system.json('POST', '/api/users', { email, name: `${name} admin`, password, organisationId: id, organisationRole: 'admin' });
  const admin = await new ApiClient(server.origin).login({ email, password });
  await admin.json('POST', '/api/users', { email: `member@${name.toLowerCase()}.example`, name: `${name} member`, password });
  const member = await new ApiClient(server.origin).login({ email: `member@${name.toLowerCase()}.example`, password });
  return { id, admin, member };
}

describe('organisations', () => {
  it('lets only the system admin create organisations', async () => {
    const { member } = await organisationWithAdmin('Pohjanmaa');
    expect((await member.request('POST', '/api/organisations', { name: 'X' })).status).toBe(403);
    expect((await system.json('GET', '/api/organisations')).map((o: { name: string }) => o.name)).toContain('Pohjanmaa');
    expect(await member.json('GET', '/api/organisations')).toEqual([expect.objectContaining({ name: 'Pohjanmaa' })]);
  });

  it('lets an organisation admin manage its own users, and nobody else’s', async () => {
    const a = await organisationWithAdmin('Keski-Suomi');
    const b = await organisationWithAdmin('Lappi');
    const users = await a.admin.json('GET', `/api/organisations/${a.id}/users`);
    expect(users.map((u: { email: string }) => u.email).sort()).toEqual(['admin@keski-suomi.example', 'member@keski-suomi.example']);
    expect((await a.admin.request('GET', `/api/organisations/${b.id}/users`)).status).toBe(404);
    expect((await a.member.request('GET', `/api/organisations/${a.id}/users`)).status).toBe(404);
    expect((await a.admin.request('POST', '/api/users', { email: 'x@lappi.example', name: 'X', password, organisationId: b.id })).status).toBe(403);
    expect((await a.member.request('POST', '/api/users', { email: 'y@example.com', name: 'Y', password })).status).toBe(403);
  });

  it('keeps workshops, documents and members within their organisation', async () => {
    const a = await organisationWithAdmin('Kainuu');
    const b = await organisationWithAdmin('Satakunta');
    const { id: workshopId } = await a.member.json('POST', '/api/workshops', { title: 'Kainuun työpaja' });
    const { id: documentId } = await a.member.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
    // Another organisation's admin sees nothing of it, and it looks like nothing exists.
    for (const path of [`/api/workshops/${workshopId}`, `/api/workshops/${workshopId}/documents`, `/api/workshops/${workshopId}/members`, `/api/documents/${documentId}`]) {
      expect((await b.admin.request('GET', path)).status).toBe(404);
    }
    expect(await b.admin.json('GET', '/api/workshops')).toEqual([]);
    // Staff of another organisation cannot be added, and the answer does not say they exist.
    const foreign = await a.member.request('POST', `/api/workshops/${workshopId}/members`, { email: 'member@satakunta.example', role: 'participant' });
    expect(foreign.status).toBe(422);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('unknown_user');
  });

  it('rejects weak and common passwords with a reason', async () => {
    const response = await system.request('POST', '/api/users', { email: 'weak@example.com', name: 'W', password: 'password123' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('weak_password_too_common');
  });
});

describe('sessions and passwords', () => {
  it('changes a password and ends the user’s other sessions, not the current one', async () => {
    await system.json('POST', '/api/users', { email: 'change@example.com', name: 'C', password });
    const here = await new ApiClient(server.origin).login({ email: 'change@example.com', password });
    const elsewhere = await new ApiClient(server.origin).login({ email: 'change@example.com', password });
    expect((await here.request('POST', '/api/auth/password', { currentPassword: 'wrong-password!', newPassword: 'uusi-salasana-2026' })).status).toBe(401);
    expect((await here.request('POST', '/api/auth/password', { currentPassword: password, newPassword: 'uusi-salasana-2026' })).status).toBe(204);
    expect((await here.request('GET', '/api/me')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/me')).status).toBe(401);
    expect((await new ApiClient(server.origin).request('POST', '/api/auth/login', { email: 'change@example.com', password })).status).toBe(401);
  });

  it('signs out everywhere, and lets an admin end a user’s sessions', async () => {
    await system.json('POST', '/api/users', { email: 'everywhere@example.com', name: 'E', password });
    const me = await system.json('GET', '/api/me');
    const one = await new ApiClient(server.origin).login({ email: 'everywhere@example.com', password });
    const two = await new ApiClient(server.origin).login({ email: 'everywhere@example.com', password });
    expect((await one.request('POST', '/api/auth/logout-all')).status).toBe(204);
    expect((await two.request('GET', '/api/me')).status).toBe(401);

    const three = await new ApiClient(server.origin).login({ email: 'everywhere@example.com', password });
    const { user } = await three.json('GET', '/api/me');
    expect(await system.json('DELETE', `/api/users/${user.id}/sessions`)).toEqual({ ended: 1 });
    expect((await three.request('GET', '/api/me')).status).toBe(401);
    // A plain member cannot end anyone's sessions; the target looks missing.
    const member = await new ApiClient(server.origin).login({ email: 'everywhere@example.com', password });
    expect((await member.request('DELETE', `/api/users/${me.user.id}/sessions`)).status).toBe(404);
  });

  it('gives an admin a session cookie that ends within 12 hours', async () => {
    const response = await new ApiClient(server.origin).request('POST', '/api/auth/login', adminCredentials);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(response.headers.get('set-cookie') ?? '')![1]!);
    expect(expires - Date.now()).toBeLessThanOrEqual(12 * 3_600_000);
    expect(expires - Date.now()).toBeGreaterThan(11 * 3_600_000);
  });
});

describe('audit log', () => {
  it('records sign-ins, failures and membership changes, readable by facilitators and admins only', async () => {
    const a = await organisationWithAdmin('Pirkanmaa');
    await new ApiClient(server.origin).request('POST', '/api/auth/login', { email: 'member@pirkanmaa.example', password: 'not-the-password' });
    const { id: workshopId } = await a.member.json('POST', '/api/workshops', { title: 'Audit' });
    await a.member.json('POST', `/api/workshops/${workshopId}/members`, { email: 'admin@pirkanmaa.example', role: 'observer' });

    const workshopEvents = await a.member.json('GET', `/api/workshops/${workshopId}/audit`);
    expect(workshopEvents.map((e: { action: string }) => e.action)).toEqual(['member-added', 'workshop-created']);
    expect(workshopEvents[0]).toMatchObject({ actor: 'member@pirkanmaa.example', details: { role: 'observer' } });

    const organisationEvents = await a.admin.json('GET', `/api/organisations/${a.id}/audit`);
    const actions = organisationEvents.map((e: { action: string }) => e.action);
    for (const action of ['sign-in', 'sign-in-failed', 'user-created', 'workshop-created', 'member-added']) expect(actions).toContain(action);

    const observer = a.admin; // observer in the workshop: may not read its audit log
    expect((await observer.request('GET', `/api/workshops/${workshopId}/audit`)).status).toBe(403);
    expect((await a.member.request('GET', `/api/organisations/${a.id}/audit`)).status).toBe(404);
  });
});
