import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, ApiClient, startTestServer, type TestServer } from '../testing/server.ts';
import { inlineScriptHashes } from './security-headers.ts';

let server: TestServer;
let admin: ApiClient;
const metricsToken = 'metrics-token-0123456789abcdef';

beforeAll(async () => {
  server = await startTestServer({ env: { SIGN_IN_MAX_PER_ADDRESS: '6' } });
  admin = await new ApiClient(server.origin).login(adminCredentials);
});
afterAll(() => server.dispose());

/**
 * Send `total` bytes to `path` in 64 KiB chunks, stopping as soon as the server answers.
 * Resolves with the status, the parsed body and how many bytes were written before the answer.
 */
function sendLargeBody(origin: string, urlPath: string, total: number, options: { declareLength: boolean }) {
  return new Promise<{ status: number; body: any; written: number }>((resolve, reject) => {
    const url = new URL(urlPath, origin);
    const headers: Record<string, string | number> = { origin, 'content-type': 'application/json' };
    if (options.declareLength) headers['content-length'] = total;
    const req = httpRequest(url, { method: 'POST', headers });
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(parts).toString() || 'null'), written });
        req.destroy();
      });
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.write('{"email":"a@example.com","password":"');
    pump();
  });
}

describe('request bodies', () => {
  it('refuses a 200 MB login body before reading it, declared or streamed', async () => {
    for (const declareLength of [true, false]) {
      const result = await sendLargeBody(server.origin, '/api/auth/login', 200 * 1024 * 1024, { declareLength });
      expect(result.status).toBe(413);
      expect(result.body).toEqual({ error: { code: 'body_too_large', message: expect.any(String) } });
      // The server answered long before the body was through: it did not buffer it.
      expect(result.written).toBeLessThan(50 * 1024 * 1024);
    }
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends CSP with frame-ancestors none, nosniff and a referrer policy on API answers and errors', async () => {
    for (const response of [await fetch(`${server.origin}/healthz`), await fetch(`${server.origin}/api/nothing-here`)]) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it("names the built app's inline start-up script by its hash", async () => {
    const buildDir = path.join(server.dataDir, 'web-build');
    mkdirSync(buildDir, { recursive: true });
    const html = '<!doctype html><html><body><script>\n  console.log("start");\n</script><script src="/x.js"></script></body></html>';
    writeFileSync(path.join(buildDir, 'index.html'), html);
    const withApp = await startTestServer({ env: { WEB_BUILD_DIR: buildDir } });
    try {
      const [hash] = inlineScriptHashes(html);
      expect(hash).toBe("'sha256-" + (await import('node:crypto')).createHash('sha256').update('\n  console.log("start");\n').digest('base64') + "'");
      const page = await fetch(`${withApp.origin}/some/page`);
      expect(await page.text()).toBe(html);
      expect(page.headers.get('content-security-policy')).toContain(`script-src 'self' ${hash}`);
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      await withApp.dispose();
    }
  });
});

describe('/metrics', () => {
  it('answers a direct loopback scraper but not a request through a proxy', async () => {
    expect((await fetch(`${server.origin}/metrics`)).status).toBe(200);
    const proxied = await fetch(`${server.origin}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(proxied.status).toBe(404);
  });

  it('with METRICS_TOKEN, requires the bearer token', async () => {
    const guarded = await startTestServer({ env: { METRICS_TOKEN: metricsToken } });
    try {
      expect((await fetch(`${guarded.origin}/metrics`)).status).toBe(404);
      expect((await fetch(`${guarded.origin}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789abcd' } })).status).toBe(404);
      const ok = await fetch(`${guarded.origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('yhteispaja_sync_connections');
    } finally {
      await guarded.dispose();
    }
  });
});

describe('files on disk', () => {
  it('keeps the data folder 0700 and the database files 0600', () => {
    expect(statSync(server.dataDir).mode & 0o777).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) {
      expect(statSync(path.join(server.dataDir, `yhteispaja.sqlite${suffix}`)).mode & 0o777).toBe(0o600);
    }
  });
});

describe('guests', () => {
  it('see members by name but no staff email addresses', async () => {
    const workshopId = (await admin.json('POST', '/api/workshops', { title: 'Asiakasraati' })).id;
    const { token } = await admin.json('POST', `/api/workshops/${workshopId}/invites`, { role: 'participant', expiresInHours: 4, maxUses: 5 });
    const guest = new ApiClient(server.origin);
    expect((await guest.request('POST', `/api/invites/${token}/accept`, { displayName: 'Vieras Ville' })).status).toBe(200);
    const members = await guest.json('GET', `/api/workshops/${workshopId}/members`);
    expect(members.map((m: { name: string }) => m.name).sort()).toEqual(expect.arrayContaining(['Vieras Ville']));
    expect(members.length).toBeGreaterThan(1);
    expect(JSON.stringify(members)).not.toContain(adminCredentials.email);
    for (const member of members) expect(member.email).toBeNull();
    // Staff still see each other's addresses.
    const staffView = await admin.json('GET', `/api/workshops/${workshopId}/members`);
    expect(staffView).toContainEqual(expect.objectContaining({ email: adminCredentials.email }));
  });
});

describe('sign-in throttling under concurrency', () => {
  it('verifies at most the limit of 30 concurrent guesses at one account; the right password after them is refused', async () => {
    const email = 'race-target@example.com';
    const password = 'right-password-123';
    // The shared server allows only 6 attempts per address: this one keeps the default 100.
    const raced = await startTestServer();
    try {
      const raceAdmin = await new ApiClient(raced.origin).login(adminCredentials);
      await raceAdmin.json('POST', '/api/users', { email, name: 'Race Target', password });
      const attempts = [...Array.from({ length: 29 }, () => 'wrong-password-xyz'), password];
      const statuses = await Promise.all(attempts.map((guess) => new ApiClient(raced.origin).request('POST', '/api/auth/login', { email, password: guess }).then((r) => r.status)));
      expect(statuses.filter((s) => s === 401)).toHaveLength(10);
      expect(statuses.filter((s) => s === 429)).toHaveLength(20);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await raced.dispose();
    }
  });

  it('counts the per-address limit exactly under concurrency', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        new ApiClient(server.origin).request('POST', '/api/auth/login', { email: `spray-${i}@example.com`, password: 'guess-guess' }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
  });
});
