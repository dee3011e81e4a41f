import { timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import { clientAddress } from './actor.ts';
import type { AppEnv } from './context.ts';

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who may read GET /metrics. With METRICS_TOKEN: only `Authorization: Bearer <token>`. Without:
 * only a scraper on the same host that talks to the server directly; a request that came through
 * a proxy (it names a forwarded client) is refused, as the proxy's address is loopback too.
 * Refusals are 404, so the endpoint's existence tells nothing.
 */
export function requireMetricsAccess(token: string | undefined) {
  return createMiddleware<AppEnv>(async function requireMetricsAccess(c, next) {
    const allowed = token
      ? sameToken(c.req.header('authorization') ?? '', `Bearer ${token}`)
      : loopback.has(clientAddress(c) ?? '') && !c.req.header('x-forwarded-for') && !c.req.header('forwarded') && !c.req.header('x-real-ip');
    if (!allowed) throw new AppError('not_found', 404, 'Not found');
    await next();
  });
}
