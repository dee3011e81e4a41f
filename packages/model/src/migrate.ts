import * as Y from 'yjs';
import { goalTableSchemaVersion } from './goal-table.ts';
import { metaMap, readMeta, type DocumentType } from './meta.ts';
import { actionPlanSchemaVersion } from './action-plan.ts';
import { servicePathSchemaVersion } from './service-path.ts';

/** The layout version each document type is at now. */
export const currentSchemaVersion: Record<DocumentType, number> = {
  'goal-table': goalTableSchemaVersion,
  'action-plan': actionPlanSchemaVersion,
  'service-path': servicePathSchemaVersion,
};

/**
 * Migrations by type: `steps[n]` upgrades a document from version n+1 to n+2. Each step must be
 * safe to run on two replicas at once (they merge): set values, never move or recreate content.
 */
const steps: Record<DocumentType, ((doc: Y.Doc) => void)[]> = {
  'goal-table': [
    // 1 → 2: rows get a kind (item or heading) and a list of links to other documents' items.
    (doc) => {
      for (const row of doc.getMap<Y.Map<unknown>>('rows').values()) {
        if (!row.has('kind')) row.set('kind', 'item');
        if (!(row.get('links') instanceof Y.Array)) row.set('links', new Y.Array<string>());
      }
    },
  ],
  'action-plan': [],
  'service-path': [],
};

export class NewerSchemaError extends Error {}

/**
 * Upgrade a document to the current layout of its type, in one transaction with `origin`.
 * Returns whether anything changed. A document of a newer version than this code knows is left
 * untouched (and reported), so an older server never damages it.
 */
export function migrateDocument(doc: Y.Doc, origin: unknown = 'migration'): boolean {
  const meta = readMeta(doc);
  if (!meta) return false;
  const target = currentSchemaVersion[meta.type];
  if (meta.schemaVersion > target) throw new NewerSchemaError(`${meta.type} version ${meta.schemaVersion} is newer than ${target}`);
  if (meta.schemaVersion === target) return false;
  doc.transact(() => {
    for (let version = meta.schemaVersion; version < target; version++) steps[meta.type][version - 1]!(doc);
    metaMap(doc).set('schemaVersion', target);
  }, origin);
  return true;
}
