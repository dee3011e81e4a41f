import { createMiddleware } from 'hono/factory';
import { errors } from '../errors.ts';
import { validateSessionToken } from '../auth/sessions.ts';
import type { AppEnv, HttpDeps } from './context.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './cookies.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Make the composition root's dependencies available to every handler. */
export function provideDeps(deps: HttpDeps) {
  return createMiddleware<AppEnv>(async function provideDeps(c, next) {
    c.set('deps', deps);
    await next();
  });
}

/**
 * CSRF defence: a request that changes state must name our own origin. Browsers always send
 * Origin on such requests, so a missing one means a non-browser client or a stripped header.
 */
export function requireSameOrigin() {
  return createMiddleware<AppEnv>(async function requireSameOrigin(c, next) {
    if (!safeMethods.has(c.req.method) && c.req.header('origin') !== c.var.deps.env.publicOrigin) {
      throw errors.badOrigin();
    }
    await next();
  });
}

/** Resolve the session cookie to a user (or none), renewing the cookie when the session was extended. */
export function loadSession() {
  return createMiddleware<AppEnv>(async function loadSession(c, next) {
    const { env, store } = c.var.deps;
    const token = readSessionCookie(c, env);
    const auth = token ? await validateSessionToken(store.sessions, token) : undefined;
    if (token && !auth) clearSessionCookie(c, env);
    if (token && auth?.renewed) writeSessionCookie(c, env, token, auth.session.expiresAt);
    c.set('auth', auth);
    await next();
  });
}

export function requireUser() {
  return createMiddleware<AppEnv>(async function requireUser(c, next) {
    if (!c.var.auth) throw errors.unauthenticated();
    await next();
  });
}
