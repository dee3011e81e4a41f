import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './context.ts';

/**
 * Serve the built web app (a single-page app): files as they are, with long caching for
 * SvelteKit's content-hashed assets, and index.html for every other page path. The build writes
 * brotli and gzip copies beside each file (adapter-static `precompress`); they are sent to
 * browsers that accept them, so nothing is compressed per request.
 */
export function serveWebApp(app: Hono<AppEnv>, buildDir: string): boolean {
  const index = path.join(buildDir, 'index.html');
  if (!existsSync(index)) return false;
  app.use('/_app/immutable/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root: buildDir, precompressed: true }));
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/sync/')) return next();
    c.header('Cache-Control', 'no-cache');
    return serveStatic({ path: index, precompressed: true })(c, next);
  });
  return true;
}
