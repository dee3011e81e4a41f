import { Hono } from 'hono';
import { z } from 'zod';
import { workshopChanges } from '../commands/changes.ts';
import { reportInput } from '../commands/reports.ts';
import { requireSnapshot, takeSnapshot, verifySnapshot } from '../commands/snapshots.ts';
import { requireWorkshopRole } from '../commands/workshops.ts';
import { AttemptThrottle } from '../auth/throttle.ts';
import { errors } from '../errors.ts';
import type { Snapshot } from '../storage/history-ports.ts';
import { auditRequest } from './actor.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { jsonBody } from './validate.ts';
import { parseId } from './workshops.ts';

export const createSnapshotBody = z.object({ label: z.string().trim().min(1).max(200) });
const version = z.coerce.number().int().min(1).max(1_000_000);
export const reportQuery = z.object({
  format: z.enum(['html', 'pdf', 'docx', 'odt', 'xlsx', 'csv', 'md']),
  locale: z.enum(['fi', 'sv', 'en']).default('fi'),
});
export const changesQuery = z.object({ from: version.optional(), to: version.optional() });

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Snapshots are kept for good and each holds every document whole: at most this many per workshop
 * per hour, so a script (or a stuck button) cannot fill the disk. Per instance, in memory.
 */
export const snapshotsPerWorkshopHour = 60;
const snapshotThrottle = new AttemptThrottle(snapshotsPerWorkshopHour, 60 * 60_000);

/** `attachment` with an ASCII fallback name and the exact one in RFC 5987 form. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'report';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** What the API shows of a snapshot: the contract's fields, then the names for display. */
export function presentSnapshot(snapshot: Snapshot) {
  return {
    id: snapshot.id,
    version: snapshot.version,
    label: snapshot.label,
    createdAt: iso(snapshot.createdAt),
    createdBy: snapshot.createdBy,
    sha256: snapshot.sha256,
    workshopId: snapshot.workshopId,
    createdByName: snapshot.createdByName,
    participants: snapshot.participants.map((p) => p.name),
  };
}

/** Under /api/workshops: take and list a workshop's snapshots. */
export const workshopSnapshotRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .post('/:id/snapshots', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    const { label } = await jsonBody(c, createSnapshotBody);
    const wait = snapshotThrottle.retryAfter(workshopId);
    if (wait > 0) throw errors.throttled(wait);
    const snapshot = await takeSnapshot(c.var.deps.store, c.var.auth!.user, workshopId, label, c.var.deps.presentUsers);
    snapshotThrottle.fail(workshopId);
    await auditRequest(c, 'snapshot-taken', { workshopId, target: snapshot.id, details: { version: snapshot.version, label, sha256: snapshot.sha256 } });
    return c.json({ id: snapshot.id, version: snapshot.version, sha256: snapshot.sha256, createdAt: iso(snapshot.createdAt) }, 201);
  })
  .get('/:id/snapshots', async (c) => {
    const { workshop } = await requireWorkshopRole(c.var.deps.store, parseId(c.req.param('id'), 'Workshop'), c.var.auth!.user);
    return c.json((await c.var.deps.store.snapshots.listForWorkshop(workshop.id)).map(presentSnapshot));
  })
  .get('/:id/changes', async (c) => {
    const query = changesQuery.safeParse(c.req.query());
    if (!query.success) throw errors.invalidInput(query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    return c.json(await workshopChanges(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Workshop'), query.data));
  });

/**
 * Under /api/snapshots: read one snapshot, its documents and verify its hash. There is no route
 * that changes or deletes a snapshot: they are immutable (retention and GDPR erasure aside).
 */
export const snapshotRoutes = new Hono<AppEnv>()
  .use(requireUser())
  .get('/:id', async (c) => {
    const snapshot = await requireSnapshot(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Snapshot'));
    const documents = await c.var.deps.store.snapshots.documents(snapshot.id);
    return c.json({
      ...presentSnapshot(snapshot),
      documents: documents.map((d) => ({ id: d.documentId, type: d.type, title: d.title })),
    });
  })
  .get('/:id/report', async (c) => {
    const snapshot = await requireSnapshot(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Snapshot'));
    await requireWorkshopRole(c.var.deps.store, snapshot.workshopId, c.var.auth!.user, 'downloadReports');
    const query = reportQuery.safeParse(c.req.query());
    if (!query.success) throw errors.invalidInput(query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const report = await c.var.deps.renderReport(await reportInput(c.var.deps.store, snapshot), query.data.format, query.data.locale);
    c.header('Content-Type', report.contentType);
    c.header('Content-Disposition', contentDisposition(report.fileName));
    // The same snapshot always gives the same bytes: the hash, format and language name them.
    c.header('ETag', `"${snapshot.sha256.slice(0, 32)}-${query.data.format}-${query.data.locale}"`);
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(report.bytes as Uint8Array<ArrayBuffer>);
  })
  .get('/:id/verify', async (c) => {
    const snapshot = await requireSnapshot(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Snapshot'));
    return c.json(await verifySnapshot(c.var.deps.store, snapshot));
  })
  .get('/:id/documents/:documentId', async (c) => {
    const snapshot = await requireSnapshot(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Snapshot'));
    const document = await c.var.deps.store.snapshots.document(snapshot.id, parseId(c.req.param('documentId'), 'Document'));
    if (!document) throw errors.notFound('Document');
    return c.json({ id: document.documentId, type: document.type, title: document.title, content: JSON.parse(document.content) as unknown });
  })
  .get('/:id/documents/:documentId/state', async (c) => {
    const snapshot = await requireSnapshot(c.var.deps.store, c.var.auth!.user, parseId(c.req.param('id'), 'Snapshot'));
    const document = await c.var.deps.store.snapshots.document(snapshot.id, parseId(c.req.param('documentId'), 'Document'));
    if (!document) throw errors.notFound('Document');
    c.header('Content-Type', 'application/octet-stream');
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return c.body(document.state as Uint8Array<ArrayBuffer>);
  });
