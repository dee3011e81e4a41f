import { Hono } from 'hono';
import { errors } from '../errors.ts';
import { canManageOrganisations, canManageUsers, canReadOrganisationAudit } from '../policies/organisation.ts';
import { auditRequest } from './actor.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { presentAuditEvent, presentOrganisation, presentUser } from './present.ts';
import { auditQuery, createOrganisationBody, idParam } from './schema.ts';
import { jsonBody } from './validate.ts';

/** The organisation id from the path, if the caller may manage it; others look missing. */
function managedOrganisationId(c: { req: { param(name: string): string } }, allowed: (id: string) => boolean): string {
  const parsed = idParam.safeParse(c.req.param('id'));
  if (!parsed.success || !allowed(parsed.data)) throw errors.notFound('Organisation');
  return parsed.data;
}

export const organisationRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .get('/', async (c) => {
    const { user } = c.var.auth!;
    const { store } = c.var.deps;
    if (canManageOrganisations(user)) return c.json((await store.organisations.list()).map(presentOrganisation));
    const own = await store.organisations.get(user.organisationId);
    return c.json(own ? [presentOrganisation(own)] : []);
  })
  .post('/', async (c) => {
    if (!canManageOrganisations(c.var.auth!.user)) throw errors.forbidden();
    const { name } = await jsonBody(c, createOrganisationBody);
    const organisation = await c.var.deps.store.organisations.create({ name });
    await auditRequest(c, 'organisation-created', { organisationId: organisation.id, target: organisation.id, details: { name } });
    return c.json({ id: organisation.id }, 201);
  })
  .get('/:id/users', async (c) => {
    const user = c.var.auth!.user;
    const id = managedOrganisationId(c, (orgId) => canManageUsers(user, orgId));
    return c.json((await c.var.deps.store.users.listForOrganisation(id)).map(presentUser));
  })
  .get('/:id/audit', async (c) => {
    const user = c.var.auth!.user;
    const id = managedOrganisationId(c, (orgId) => canReadOrganisationAudit(user, orgId));
    const query = auditQuery.safeParse(c.req.query());
    if (!query.success) throw errors.invalidInput(query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const events = await c.var.deps.store.audit.list({ organisationId: id, limit: query.data.limit, ...(query.data.before ? { before: query.data.before } : {}) });
    return c.json(events.map(presentAuditEvent));
  });
