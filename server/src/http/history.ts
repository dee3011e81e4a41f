import { Hono } from 'hono';
import { z } from 'zod';
import { listVersions, readVersion, restoreVersion, type DocumentVersion } from '../commands/history.ts';
import { auditRequest } from './actor.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { jsonBody } from './validate.ts';
import { parseId } from './workshops.ts';

export const restoreBody = z.object({ versionId: z.string().uuid() });

export function presentVersion(version: DocumentVersion) {
  return { ...version, createdAt: new Date(version.createdAt).toISOString() };
}

/** Under /api/documents: a document's versions (snapshots and checkpoints), each readable, and restore. */
export const documentHistoryRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .get('/:id/versions', async (c) => {
    const versions = await listVersions(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Document'));
    return c.json(versions.map(presentVersion));
  })
  .get('/:id/versions/:versionId', async (c) => {
    const { document, version, content } = await readVersion(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Document'), parseId(c.req.param('versionId'), 'Version'));
    return c.json({ ...presentVersion(version), documentId: document.id, type: document.type, content: JSON.parse(content) as unknown });
  })
  .get('/:id/versions/:versionId/state', async (c) => {
    const { state } = await readVersion(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Document'), parseId(c.req.param('versionId'), 'Version'));
    c.header('Content-Type', 'application/octet-stream');
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.body(state as Uint8Array<ArrayBuffer>);
  })
  .post('/:id/restore', async (c) => {
    const documentId = parseId(c.req.param('id'), 'Document');
    const { versionId } = await jsonBody(c, restoreBody);
    const version = await restoreVersion(c.var.deps.store, c.var.auth!.user, documentId, versionId, c.var.deps);
    const document = (await c.var.deps.store.documents.get(documentId))!;
    await auditRequest(c, 'document-restored', { workshopId: document.workshopId, target: documentId, details: { versionId, kind: version.kind, version: version.version } });
    return c.json({ restored: presentVersion(version) });
  });
