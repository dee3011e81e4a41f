import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { addMember, changeMemberRole, createDocument, createWorkshop, removeMember, requireDocumentRole, requireWorkshopRole } from '../commands/workshops.ts';
import { createInvite, inviteUrl, revokeInvite } from '../commands/invites.ts';
import { importDocument, maxImportBytes } from '../commands/import.ts';
import { listLinkableItems, traceInWorkshop } from '../commands/trace.ts';
import { forgetCheckpointsContaining } from '../commands/history.ts';
import { errors } from '../errors.ts';
import { auditRequest } from './actor.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { presentAuditEvent, presentDocument, presentInvite, presentMember, presentWorkshop } from './present.ts';
import { addMemberBody, auditQuery, changeRoleBody, createDocumentBody, createInviteBody, createWorkshopBody, idParam, purgeBody, traceQuery, updateWorkshopBody } from './schema.ts';
import { can } from '../policies/workshop.ts';
import { jsonBody } from './validate.ts';

/** Ids come from the path; one that is not a UUID is simply not found. */
export function parseId(value: string, what: string): string {
  const parsed = idParam.safeParse(value);
  if (!parsed.success) throw errors.notFound(what);
  return parsed.data;
}

export const workshopRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .get('/', async (c) => {
    const workshops = await c.var.deps.store.workshops.listForUser(c.var.auth!.user.id);
    return c.json(workshops.map((w) => presentWorkshop(w, w.role)));
  })
  .post('/', async (c) => {
    const body = await jsonBody(c, createWorkshopBody);
    const workshop = await createWorkshop(c.var.deps.store, c.var.auth!.user, body);
    await auditRequest(c, 'workshop-created', { workshopId: workshop.id, target: workshop.id, details: { title: workshop.title } });
    return c.json({ id: workshop.id }, 201);
  })
  .get('/:id', async (c) => {
    const { workshop, role } = await requireWorkshopRole(c.var.deps.store, parseId(c.req.param('id'), 'Workshop'), c.var.auth!.user);
    return c.json(presentWorkshop(workshop, role));
  })
  .patch('/:id', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const body = await jsonBody(c, updateWorkshopBody);
    await requireWorkshopRole(c.var.deps.store, workshopId, c.var.auth!.user, 'manageWorkshop');
    await c.var.deps.store.workshops.update(workshopId, body);
    await auditRequest(c, 'workshop-updated', { workshopId, target: workshopId, details: body });
    const { workshop, role } = await requireWorkshopRole(c.var.deps.store, workshopId, c.var.auth!.user);
    return c.json(presentWorkshop(workshop, role));
  })
  .get('/:id/documents', async (c) => {
    const { workshop } = await requireWorkshopRole(c.var.deps.store, parseId(c.req.param('id'), 'Workshop'), c.var.auth!.user);
    return c.json((await c.var.deps.store.documents.listForWorkshop(workshop.id)).map(presentDocument));
  })
  .post('/:id/documents', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const body = await jsonBody(c, createDocumentBody);
    const document = await createDocument(c.var.deps.store, c.var.auth!.user, workshopId, body);
    await auditRequest(c, 'document-created', { workshopId, target: document.id, details: { type: document.type, title: document.title } });
    return c.json({ id: document.id }, 201);
  })
  .get('/:id/members', async (c) => {
    const { workshop } = await requireWorkshopRole(c.var.deps.store, parseId(c.req.param('id'), 'Workshop'), c.var.auth!.user);
    return c.json((await c.var.deps.store.workshops.members(workshop.id)).map((member) => presentMember(member, c.var.auth!.user)));
  })
  .post('/:id/members', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const body = await jsonBody(c, addMemberBody);
    const { member, previousRole } = await addMember(c.var.deps.store, c.var.auth!.user, workshopId, body);
    // An existing member's role may have changed: their open sockets reconnect under the new one.
    if (previousRole) c.var.deps.fanout.publishControl({ type: 'access-changed', userId: member.id, workshopId });
    await auditRequest(c, previousRole ? 'member-role-changed' : 'member-added', {
      workshopId,
      target: member.id,
      details: { email: member.email, role: body.role, ...(previousRole ? { previousRole } : {}) },
    });
    return c.json({ userId: member.id, role: body.role, added: !previousRole }, 201);
  })
  .patch('/:id/members/:userId', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const userId = parseId(c.req.param('userId'), 'Member');
    const { role } = await jsonBody(c, changeRoleBody);
    const previousRole = await changeMemberRole(c.var.deps.store, c.var.auth!.user, workshopId, userId, role);
    if (previousRole !== role) {
      c.var.deps.fanout.publishControl({ type: 'access-changed', userId, workshopId });
      await auditRequest(c, 'member-role-changed', { workshopId, target: userId, details: { role, previousRole } });
    }
    return c.json({ userId, role });
  })
  .delete('/:id/members/:userId', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const userId = parseId(c.req.param('userId'), 'Member');
    await removeMember(c.var.deps.store, c.var.auth!.user, workshopId, userId);
    c.var.deps.fanout.publishControl({ type: 'access-changed', userId, workshopId });
    await auditRequest(c, 'member-removed', { workshopId, target: userId });
    return c.body(null, 204);
  })
  .get('/:id/invites', async (c) => {
    const { workshop } = await requireWorkshopRole(c.var.deps.store, parseId(c.req.param('id'), 'Workshop'), c.var.auth!.user, 'manageInvites');
    return c.json((await c.var.deps.store.invites.listForWorkshop(workshop.id)).map(presentInvite));
  })
  .post('/:id/invites', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const body = await jsonBody(c, createInviteBody);
    const { invite, token } = await createInvite(c.var.deps.store, c.var.auth!.user, workshopId, body);
    await auditRequest(c, 'invite-created', { workshopId, target: invite.id, details: { role: invite.role, maxUses: invite.maxUses, expiresAt: invite.expiresAt } });
    // The token is shown once, here; the store keeps only its hash.
    return c.json({ ...presentInvite(invite), token, url: inviteUrl(c.var.deps.env.publicOrigin, token) }, 201);
  })
  .delete('/:id/invites/:inviteId', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const inviteId = parseId(c.req.param('inviteId'), 'Invitation');
    const removeGuests = c.req.query('removeGuests') === 'true';
    const { removedGuests, endedSessions } = await revokeInvite(c.var.deps.store, c.var.auth!.user, workshopId, inviteId, { removeGuests });
    c.var.deps.endSessions(endedSessions);
    for (const guest of removedGuests) c.var.deps.fanout.publishControl({ type: 'access-changed', userId: guest.id, workshopId });
    await auditRequest(c, 'invite-revoked', { workshopId, target: inviteId, details: { removedGuests: removedGuests.length } });
    return c.body(null, 204);
  })
  .get('/:id/items', async (c) => {
    return c.json(await listLinkableItems(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Workshop')));
  })
  .get('/:id/trace', async (c) => {
    const query = traceQuery.safeParse(c.req.query());
    if (!query.success) throw errors.invalidInput(query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    return c.json(await traceInWorkshop(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Workshop'), query.data));
  })
  .get('/:id/audit', async (c) => {
    const { workshop } = await requireWorkshopRole(c.var.deps.store, parseId(c.req.param('id'), 'Workshop'), c.var.auth!.user, 'readAudit');
    const query = auditQuery.safeParse(c.req.query());
    if (!query.success) throw errors.invalidInput(query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const events = await c.var.deps.store.audit.list({ workshopId: workshop.id, limit: query.data.limit, ...(query.data.before ? { before: query.data.before } : {}) });
    return c.json(events.map(presentAuditEvent));
  });

export const documentRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .get('/:id', async (c) => {
    const { document, role } = await requireDocumentRole(c.var.deps.store, parseId(c.req.param('id'), 'Document'), c.var.auth!.user);
    return c.json({ ...presentDocument(document), role });
  })
  .post(
    '/:id/import',
    bodyLimit({ maxSize: maxImportBytes, onError: () => { throw errors.unprocessable('file_too_large', 'The file is larger than 5 MB'); } }),
    async (c) => {
    const documentId = parseId(c.req.param('id'), 'Document');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const result = await importDocument(c.var.deps.store, c.var.auth!.user, documentId, { bytes, contentType: c.req.header('content-type') ?? '' }, c.var.deps.changeDocument, c.var.deps.parseTable);
    const { document } = await requireDocumentRole(c.var.deps.store, documentId, c.var.auth!.user);
    await auditRequest(c, 'document-imported', { workshopId: document.workshopId, target: documentId, details: { ...result } });
    return c.json(result);
  },
  )
  .post('/:id/purge', async (c) => {
    const { document, role } = await requireDocumentRole(c.var.deps.store, parseId(c.req.param('id'), 'Document'), c.var.auth!.user);
    if (!can(role, 'purgeContent')) throw errors.forbidden();
    const { text } = await jsonBody(c, purgeBody);
    const removed = await c.var.deps.purgeDocument(document.id, text);
    await forgetCheckpointsContaining(c.var.deps.store, document.id, text);
    // The purged text itself is personal data: the audit log records only that it happened.
    await auditRequest(c, 'content-purged', { workshopId: document.workshopId, target: document.id, details: { removed, length: text.length } });
    return c.json({ removed });
  });
