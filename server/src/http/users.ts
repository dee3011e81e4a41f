import { Hono, type Context } from 'hono';
import { eraseUser, exportPersonalData } from '../commands/personal-data.ts';
import { clearSessionCookie } from './cookies.ts';
import { errors } from '../errors.ts';
import { createUserAs } from '../commands/accounts.ts';
import { canManageUsers } from '../policies/organisation.ts';
import { auditRequest } from './actor.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { presentOrganisation, presentUser, presentWorkshop } from './present.ts';
import { createUserBody, idParam } from './schema.ts';
import { jsonBody } from './validate.ts';

async function erase(c: Context<AppEnv>, userId: string) {
  const { store, purgeDocument, endSessions } = c.var.deps;
  const { erased, endedSessions, purged } = await eraseUser(store, c.var.auth!.user, userId, purgeDocument);
  endSessions(endedSessions);
  await auditRequest(c, 'user-erased', { organisationId: erased.organisationId, target: erased.id, details: { purged } });
  return { purged };
}

export const meRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .get('/export', async (c) => {
    const data = await exportPersonalData(c.var.deps.store, c.var.auth!.user);
    await auditRequest(c, 'personal-data-exported');
    c.header('Content-Disposition', 'attachment; filename="yhteispaja-personal-data.json"');
    return c.json(data);
  })
  .delete('/', async (c) => {
    const result = await erase(c, c.var.auth!.user.id);
    clearSessionCookie(c, c.var.deps.env);
    return c.json(result);
  })
  .get('/', async (c) => {
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
  .delete('/:id', async (c) => {
    const id = idParam.safeParse(c.req.param('id'));
    if (!id.success) throw errors.notFound('User');
    return c.json(await erase(c, id.data));
  })
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
