import type * as Y from 'yjs';
import { defaultMaxDepth, linkableItems, openHistory, readMeta, traceItem, type Trace } from '@yhteispaja/model';
import type { Store, User } from '../storage/ports.ts';
import { requireWorkshopRole } from './workshops.ts';

/** The workshop's documents as read from the store (committed state: what every instance agrees on). */
async function workshopDocs(store: Store, workshopId: string): Promise<Map<string, Y.Doc>> {
  const docs = new Map<string, Y.Doc>();
  for (const record of await store.documents.listForWorkshop(workshopId)) {
    const stored = await store.updates.load(record.id);
    // Opened as the sync server opens it: a stored part that cannot be applied is left out, not a 500.
    const { doc } = openHistory(stored.state ? [stored.state, ...stored.updates] : stored.updates, defaultMaxDepth);
    docs.set(record.id, doc);
  }
  return docs;
}

/** Every item of the workshop's documents that can be linked, for a link picker. */
export async function listLinkableItems(store: Store, user: User, workshopId: string) {
  await requireWorkshopRole(store, workshopId, user);
  const docs = await workshopDocs(store, workshopId);
  return [...docs].map(([documentId, doc]) => ({
    documentId,
    type: readMeta(doc)?.type,
    title: readMeta(doc)?.title,
    items: linkableItems(doc).map(({ itemId, kind, label, links }) => ({ itemId, kind, label, links })),
  }));
}

/** Follow an item's links through the workshop's documents, both ways. */
export async function traceInWorkshop(store: Store, user: User, workshopId: string, start: { documentId: string; itemId: string }): Promise<Trace> {
  await requireWorkshopRole(store, workshopId, user);
  return traceItem(await workshopDocs(store, workshopId), start);
}
