import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './context.ts';
import { serveWebApp } from './static.ts';

const buildDir = mkdtempSync(path.join(tmpdir(), 'yhteispaja-static-'));
const script = 'export const editor = "'.padEnd(4000, 'x') + '";\n';
const page = '<!doctype html><html><body>Yhteispaja</body></html>'.padEnd(2000, ' ');
mkdirSync(path.join(buildDir, '_app/immutable/chunks'), { recursive: true });
// As adapter-static writes them with `precompress: true`.
for (const [file, text] of [['_app/immutable/chunks/editor.js', script], ['index.html', page]] as const) {
  writeFileSync(path.join(buildDir, file), text);
  writeFileSync(path.join(buildDir, `${file}.gz`), gzipSync(text));
  writeFileSync(path.join(buildDir, `${file}.br`), brotliCompressSync(text));
}

const app = new Hono<AppEnv>();
serveWebApp(app, buildDir);

afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

describe('serving the built web app', () => {
  it('sends hashed assets brotli- or gzip-compressed, cached for good', async () => {
    const brotli = await app.request('/_app/immutable/chunks/editor.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('vary')).toContain('Accept-Encoding');
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const sent = Buffer.from(await brotli.arrayBuffer());
    expect(sent.length).toBeLessThan(script.length / 10);

    const gzip = await app.request('/_app/immutable/chunks/editor.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');

    const plain = await app.request('/_app/immutable/chunks/editor.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
  });

  it('sends the app page for any page path, compressed and never cached stale', async () => {
    const response = await app.request('/documents/abc', { headers: { 'accept-encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});
