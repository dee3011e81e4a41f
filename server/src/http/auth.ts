import { Hono } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { errors } from '../errors.ts';
import { dummyHash, verifyPassword } from '../auth/password.ts';
import { createSession, generateSessionToken } from '../auth/sessions.ts';
import type { AppEnv } from './context.ts';
import { clearSessionCookie, writeSessionCookie } from './cookies.ts';
import { requireUser } from './middleware.ts';
import { loginBody } from './schema.ts';
import { presentUser } from './present.ts';
import { jsonBody } from './validate.ts';

export const authRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const { store, env, signInThrottle } = c.var.deps;
    const { email, password } = await jsonBody(c, loginBody);
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const wait = Math.max(signInThrottle.account.retryAfter(email), signInThrottle.address.retryAfter(address));
    if (wait > 0) throw errors.throttled(wait);

    const user = await store.users.byEmail(email);
    // Verify against a dummy hash when the account is unknown, so timing does not tell.
    const valid = await verifyPassword(password, user?.passwordHash ?? dummyHash);
    if (!user || !valid) {
      signInThrottle.account.fail(email);
      signInThrottle.address.fail(address);
      throw errors.wrongCredentials();
    }
    signInThrottle.account.reset(email);
    const token = generateSessionToken();
    const session = await createSession(store.sessions, token, user.id);
    writeSessionCookie(c, env, token, session.expiresAt);
    return c.json({ user: presentUser(user) });
  })
  .post('/logout', requireUser(), async (c) => {
    const { store, env, onSessionEnded } = c.var.deps;
    const sessionId = c.var.auth!.session.id;
    await store.sessions.delete(sessionId);
    clearSessionCookie(c, env);
    onSessionEnded(sessionId);
    return c.body(null, 204);
  });
