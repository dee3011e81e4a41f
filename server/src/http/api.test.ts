import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, ApiClient, startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await new ApiClient(server.origin).login(adminCredentials);
});
afterAll(() => server.dispose());

describe('health and auth', () => {
  it('reports the store in /healthz', async () => {
    const response = await fetch(`${server.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie on sign-in', async () => {
    const response = await new ApiClient(server.origin).request('POST', '/api/auth/login', adminCredentials);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^session=[a-z2-7]{32};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
  });

  it('refuses a wrong password with 401 and the contract error shape', async () => {
    const response = await new ApiClient(server.origin).request('POST', '/api/auth/login', { ...adminCredentials, password: 'wrong-password' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'wrong_credentials', message: expect.any(String) } });
  });

  it('throttles repeated failures with 429 and Retry-After', async () => {
    const client = new ApiClient(server.origin);
    const email = 'nobody-throttle@example.com';
    let last: Response | undefined;
    for (let i = 0; i < 11; i++) last = await client.request('POST', '/api/auth/login', { email, password: 'guess-guess' });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 400 for a body that is not JSON and never 500', async () => {
    const response = await fetch(`${server.origin}/api/auth/login`, {
      method: 'POST',
      headers: { origin: server.origin, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(response.status).toBe(400);
  });

  it('refuses state-changing requests from a foreign or missing origin with 403', async () => {
    for (const origin of ['https://evil.example', undefined]) {
      const headers: Record<string, string> = { 'content-type': 'application/json', cookie: admin.cookie! };
      if (origin) headers.origin = origin;
      const response = await fetch(`${server.origin}/api/workshops`, { method: 'POST', headers, body: JSON.stringify({ title: 'x' }) });
      expect(response.status).toBe(403);
    }
  });

  it('signs out: the old cookie no longer works', async () => {
    const client = await new ApiClient(server.origin).login(adminCredentials);
    const cookie = client.cookie;
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(204);
    client.cookie = cookie;
    expect((await client.request('GET', '/api/me')).status).toBe(401);
  });
});

describe('users, workshops and documents', () => {
  it('lets only an admin create users, and rejects weak passwords', async () => {
    const created = await admin.request('POST', '/api/users', { email: 'maija@example.com', name: 'Maija', password: 'long-enough-pw' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: expect.any(String) });
    const weak = await admin.request('POST', '/api/users', { email: 'weak@example.com', name: 'W', password: 'short' });
    expect(weak.status).toBe(422);
    const duplicate = await admin.request('POST', '/api/users', { email: 'MAIJA@example.com', name: 'M', password: 'long-enough-pw' });
    expect(duplicate.status).toBe(409);
    const maija = await new ApiClient(server.origin).login({ email: 'maija@example.com', password: 'long-enough-pw' });
    const byNonAdmin = await maija.request('POST', '/api/users', { email: 'x@example.com', name: 'X', password: 'long-enough-pw' });
    expect(byNonAdmin.status).toBe(403);
  });

  it('creates a workshop whose creator is facilitator, and a goal table in it', async () => {
    const { id } = await admin.json('POST', '/api/workshops', { title: 'Paljon tukea -työpaja' });
    expect(await admin.json('GET', '/api/workshops')).toContainEqual(expect.objectContaining({ id, role: 'facilitator' }));
    const document = await admin.request('POST', `/api/workshops/${id}/documents`, { type: 'goal-table', title: 'Tavoitteet 2026' });
    expect(document.status).toBe(201);
    const { id: documentId } = (await document.json()) as { id: string };
    expect(await admin.json('GET', `/api/workshops/${id}/documents`)).toEqual([
      expect.objectContaining({ id: documentId, type: 'goal-table', title: 'Tavoitteet 2026' }),
    ]);
    expect(await admin.json('GET', `/api/documents/${documentId}`)).toMatchObject({ role: 'facilitator', workshopId: id });
  });

  it('rejects unknown document types and templates with 422 or 400', async () => {
    const { id } = await admin.json('POST', '/api/workshops', { title: 'W' });
    expect((await admin.request('POST', `/api/workshops/${id}/documents`, { type: 'spreadsheet', title: 'x' })).status).toBe(400);
    expect((await admin.request('POST', `/api/workshops/${id}/documents`, { type: 'goal-table', title: 'x', template: 'nope' })).status).toBe(422);
  });

  it('hides other workshops: a non-member gets 404, the same as for a missing id', async () => {
    await admin.request('POST', '/api/users', { email: 'outsider@example.com', name: 'Outsider', password: 'long-enough-pw' });
    const outsider = await new ApiClient(server.origin).login({ email: 'outsider@example.com', password: 'long-enough-pw' });
    const { id } = await admin.json('POST', '/api/workshops', { title: 'Private' });
    const { id: documentId } = await admin.json('POST', `/api/workshops/${id}/documents`, { type: 'goal-table', title: 'T' });
    expect((await outsider.request('GET', `/api/workshops/${id}`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/workshops/${id}/documents`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/documents/${documentId}`)).status).toBe(404);
    expect((await outsider.request('GET', `/api/workshops/${crypto.randomUUID()}`)).status).toBe(404);
    expect(await outsider.json('GET', '/api/workshops')).toEqual([]);
  });

  it('lets a facilitator add members; a participant may not create documents', async () => {
    await admin.request('POST', '/api/users', { email: 'pekka@example.com', name: 'Pekka', password: 'long-enough-pw' });
    const { id } = await admin.json('POST', '/api/workshops', { title: 'Members' });
    expect((await admin.request('POST', `/api/workshops/${id}/members`, { email: 'pekka@example.com', role: 'participant' })).status).toBe(201);
    expect((await admin.request('POST', `/api/workshops/${id}/members`, { email: 'ghost@example.com', role: 'participant' })).status).toBe(422);
    const pekka = await new ApiClient(server.origin).login({ email: 'pekka@example.com', password: 'long-enough-pw' });
    expect(await pekka.json('GET', `/api/workshops/${id}`)).toMatchObject({ role: 'participant' });
    expect((await pekka.request('POST', `/api/workshops/${id}/documents`, { type: 'goal-table', title: 'T' })).status).toBe(403);
    expect((await pekka.request('POST', `/api/workshops/${id}/members`, { email: 'admin@example.com', role: 'observer' })).status).toBe(403);
  });

  it('requires sign-in for the API', async () => {
    const anonymous = new ApiClient(server.origin);
    expect((await anonymous.request('GET', '/api/me')).status).toBe(401);
    expect((await anonymous.request('GET', '/api/workshops')).status).toBe(401);
  });
});
