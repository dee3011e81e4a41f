import { Hono } from 'hono';
import { errors } from '../errors.ts';
import { changePassword } from '../commands/accounts.ts';
import { dummyHash, verifyPassword } from '../auth/password.ts';
import { createSession, generateSessionToken } from '../auth/sessions.ts';
import { auditRequest, clientAddress } from './actor.ts';
import type { AppEnv } from './context.ts';
import { clearSessionCookie, writeSessionCookie } from './cookies.ts';
import { requireUser } from './middleware.ts';
import { presentUser } from './present.ts';
import { changePasswordBody, loginBody } from './schema.ts';
import { jsonBody } from './validate.ts';

export const authRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const { store, env, signInThrottle } = c.var.deps;
    const { email, password } = await jsonBody(c, loginBody);
    const address = clientAddress(c) ?? 'unknown';
    // Checked and counted in one synchronous step, before any await: concurrent requests cannot
    // all pass the check before the first failure is recorded. A success gives its count back.
    const wait = Math.max(signInThrottle.account.retryAfter(email), signInThrottle.address.retryAfter(address));
    if (wait > 0) throw errors.throttled(wait);
    signInThrottle.account.fail(email);
    signInThrottle.address.fail(address);

    const { user, valid } = await signInThrottle.verifying.run(email, async () => {
      const found = await store.users.byEmail(email);
      // Verify against a dummy hash when the account is unknown (or a guest's), so timing does not tell.
      return { user: found, valid: await verifyPassword(password, found?.passwordHash ?? dummyHash) };
    });
    if (!user || !user.passwordHash || !valid) {
      await auditRequest(c, 'sign-in-failed', { organisationId: user?.organisationId ?? null, details: { email } });
      throw errors.wrongCredentials();
    }
    signInThrottle.address.forgive(address);
    signInThrottle.account.reset(email);
    const token = generateSessionToken();
    const session = await createSession(store.sessions, token, user);
    writeSessionCookie(c, env, token, Math.min(session.expiresAt, session.absoluteExpiresAt));
    c.set('auth', { session, user, renewed: false });
    await auditRequest(c, 'sign-in');
    return c.json({ user: presentUser(user) });
  })
  .post('/logout', requireUser(), async (c) => {
    const { store, env, endSessions } = c.var.deps;
    const sessionId = c.var.auth!.session.id;
    await store.sessions.delete(sessionId);
    clearSessionCookie(c, env);
    endSessions([sessionId]);
    await auditRequest(c, 'sign-out');
    return c.body(null, 204);
  })
  .post('/logout-all', requireUser(), async (c) => {
    const { store, env, endSessions } = c.var.deps;
    const ended = await store.sessions.deleteForUser(c.var.auth!.user.id);
    clearSessionCookie(c, env);
    endSessions(ended);
    await auditRequest(c, 'sign-out-everywhere', { details: { sessions: ended.length } });
    return c.body(null, 204);
  })
  .post('/password', requireUser(), async (c) => {
    const body = await jsonBody(c, changePasswordBody);
    const { user, session } = c.var.auth!;
    const ended = await changePassword(c.var.deps.store, user, session.id, body);
    c.var.deps.endSessions(ended);
    await auditRequest(c, 'password-changed', { details: { otherSessionsEnded: ended.length } });
    return c.body(null, 204);
  });
