import { Hono } from 'hono';
import { errors } from '../errors.ts';
import { acceptInvite, findInvite, unusableInvite } from '../commands/invites.ts';
import { createSession, generateSessionToken, sessionIdFromToken } from '../auth/sessions.ts';
import { auditRequest } from './actor.ts';
import type { AppEnv } from './context.ts';
import { readSessionCookie, writeSessionCookie } from './cookies.ts';
import { presentUser } from './present.ts';
import { acceptInviteBody, inviteToken } from './schema.ts';
import { jsonBody } from './validate.ts';

function parseToken(value: string): string {
  const parsed = inviteToken.safeParse(value);
  if (!parsed.success) throw errors.notFound('Invitation');
  return parsed.data;
}

/** Reached by anyone holding a link: what the landing page shows, and joining as a guest. */
export const inviteRoutes = new Hono<AppEnv>()
  .get('/:token', async (c) => {
    const { invite, workshop, status } = await findInvite(c.var.deps.store, parseToken(c.req.param('token')));
    if (status !== 'active') throw unusableInvite(status);
    return c.json({ workshopTitle: workshop.title, role: invite.role, expiresAt: new Date(invite.expiresAt).toISOString() });
  })
  .post('/:token/accept', async (c) => {
    const { store, env } = c.var.deps;
    const { displayName } = await jsonBody(c, acceptInviteBody);
    const { guest, workshop, invite } = await acceptInvite(store, parseToken(c.req.param('token')), displayName);
    // The browser's cookie is about to be replaced: end the session it held, so it is not left alive unseen.
    const previous = readSessionCookie(c, env);
    if (previous) {
      const sessionId = sessionIdFromToken(previous);
      await store.sessions.delete(sessionId);
      c.var.deps.endSessions([sessionId]);
    }
    const token = generateSessionToken();
    const session = await createSession(store.sessions, token, guest);
    writeSessionCookie(c, env, token, Math.min(session.expiresAt, session.absoluteExpiresAt));
    c.set('auth', { session, user: guest, renewed: false });
    await auditRequest(c, 'invite-accepted', { organisationId: workshop.organisationId, workshopId: workshop.id, target: invite.id, details: { role: invite.role } });
    return c.json({ user: presentUser(guest), workshopId: workshop.id, role: invite.role });
  });
