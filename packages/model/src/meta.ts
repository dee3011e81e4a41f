import * as Y from 'yjs';

export const documentTypes = ['service-path', 'goal-table', 'action-plan'] as const;
export type DocumentType = (typeof documentTypes)[number];

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (documentTypes as readonly string[]).includes(value);
}

/** Every document's root map `meta`: what it is, its title and the layout version it follows. */
export interface DocumentMeta {
  type: DocumentType;
  title: string;
  schemaVersion: number;
}

export const metaRoot = 'meta';

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(metaRoot);
}

/** The document's meta, or undefined while it has not arrived (a fresh client before sync). */
export function readMeta(doc: Y.Doc): DocumentMeta | undefined {
  const meta = metaMap(doc);
  const type = meta.get('type');
  const title = meta.get('title');
  const schemaVersion = meta.get('schemaVersion');
  if (!isDocumentType(type) || typeof title !== 'string' || typeof schemaVersion !== 'number') return undefined;
  return { type, title, schemaVersion };
}

export function writeMeta(doc: Y.Doc, meta: DocumentMeta): void {
  const map = metaMap(doc);
  doc.transact(() => {
    map.set('type', meta.type);
    map.set('title', meta.title);
    map.set('schemaVersion', meta.schemaVersion);
  });
}
