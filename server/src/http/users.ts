import { Hono } from 'hono';
import { errors } from '../errors.ts';
import { createUserAs } from '../commands/accounts.ts';
import { canManageUsers } from '../policies/organisation.ts';
import { auditRequest } from './actor.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { presentOrganisation, presentUser, presentWorkshop } from './present.ts';
import { createUserBody, idParam } from './schema.ts';
import { jsonBody } from './validate.ts';

export const meRoutes = new Hono<AppEnv>().get('/', requireUser(), async (c) => {
  const { user, session } = c.var.auth!;
  const { store } = c.var.deps;
  const [workshops, organisation] = await Promise.all([store.workshops.listForUser(user.id), store.organisations.get(user.organisationId)]);
  return c.json({
    user: presentUser(user),
    organisation: organisation ? presentOrganisation(organisation) : null,
    workshops: workshops.map((w) => presentWorkshop(w, w.role)),
    session: { expiresAt: new Date(Math.min(session.expiresAt, session.absoluteExpiresAt)).toISOString() },
  });
});

export const userRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .post('/', async (c) => {
    const body = await jsonBody(c, createUserBody);
    const user = await createUserAs(c.var.deps.store, c.var.auth!.user, body);
    await auditRequest(c, 'user-created', { organisationId: user.organisationId, target: user.id, details: { email: user.email, organisationRole: user.organisationRole } });
    return c.json({ id: user.id }, 201);
  })
  .delete('/:id/sessions', async (c) => {
    const { store, endSessions } = c.var.deps;
    const id = idParam.safeParse(c.req.param('id'));
    const target = id.success ? await store.users.byId(id.data) : undefined;
    // A user of an organisation the caller does not manage looks exactly like a missing one.
    if (!target || !canManageUsers(c.var.auth!.user, target.organisationId)) throw errors.notFound('User');
    const ended = await store.sessions.deleteForUser(target.id);
    endSessions(ended);
    await auditRequest(c, 'sessions-ended', { organisationId: target.organisationId, target: target.id, details: { sessions: ended.length } });
    return c.json({ ended: ended.length });
  });
