import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Actor } from '../commands/audit.ts';
import { audit } from '../commands/audit.ts';
import type { AppEnv } from './context.ts';

export function clientAddress(c: Context<AppEnv>): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

export function actorOf(c: Context<AppEnv>): Actor {
  return { user: c.var.auth?.user ?? null, address: clientAddress(c) };
}

/** Record an audit event for the request's actor. */
export function auditRequest(c: Context<AppEnv>, action: string, scope: Parameters<typeof audit>[4] = {}): Promise<void> {
  return audit(c.var.deps.store, c.var.deps.logger, actorOf(c), action, scope);
}
