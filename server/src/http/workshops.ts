import { Hono } from 'hono';
import { addMember, createDocument, removeMember, requireDocumentRole, requireWorkshopRole } from '../commands/workshops.ts';
import { errors } from '../errors.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { presentDocument, presentWorkshop } from './present.ts';
import { addMemberBody, createDocumentBody, createWorkshopBody, idParam } from './schema.ts';
import { jsonBody } from './validate.ts';

function parseId(value: string, what: string): string {
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
    const { title } = await jsonBody(c, createWorkshopBody);
    const workshop = await c.var.deps.store.workshops.create({ title, createdBy: c.var.auth!.user.id });
    return c.json({ id: workshop.id }, 201);
  })
  .get('/:id', async (c) => {
    const { workshop, role } = await requireWorkshopRole(c.var.deps.store, parseId(c.req.param('id'), 'Workshop'), c.var.auth!.user);
    return c.json(presentWorkshop(workshop, role));
  })
  .get('/:id/documents', async (c) => {
    const { workshop } = await requireWorkshopRole(c.var.deps.store, parseId(c.req.param('id'), 'Workshop'), c.var.auth!.user);
    const documents = await c.var.deps.store.documents.listForWorkshop(workshop.id);
    return c.json(documents.map(presentDocument));
  })
  .post('/:id/members', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const body = await jsonBody(c, addMemberBody);
    const userId = await addMember(c.var.deps.store, c.var.auth!.user, workshopId, body);
    // An existing member's role may have changed: their open sockets reconnect under the new one.
    c.var.deps.fanout.publishControl({ type: 'access-changed', userId, workshopId });
    return c.json({ userId, role: body.role }, 201);
  })
  .delete('/:id/members/:userId', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const userId = parseId(c.req.param('userId'), 'Member');
    await removeMember(c.var.deps.store, c.var.auth!.user, workshopId, userId);
    c.var.deps.fanout.publishControl({ type: 'access-changed', userId, workshopId });
    return c.body(null, 204);
  })
  .post('/:id/documents', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const body = await jsonBody(c, createDocumentBody);
    const document = await createDocument(c.var.deps.store, c.var.auth!.user, workshopId, body);
    return c.json({ id: document.id }, 201);
  });

export const documentRoutes = new Hono<AppEnv>().use(requireUser()).get('/:id', async (c) => {
  const { document, role } = await requireDocumentRole(c.var.deps.store, parseId(c.req.param('id'), 'Document'), c.var.auth!.user);
  return c.json({ ...presentDocument(document), role });
});
