import * as Y from 'yjs';
import { GoalTable } from './goal-table.ts';
import type { DocumentType } from './meta.ts';
import type { Locale } from './scales.ts';
import { goalTableTemplates } from './templates/goal-table.ts';

export interface NewDocument {
  type: DocumentType;
  title: string;
  /** Template id; the type's first template when omitted. */
  template?: string | undefined;
  locale: Locale;
}

export class UnknownTemplateError extends Error {}
export class UnsupportedDocumentTypeError extends Error {}

/**
 * The first state of a new document, as one Yjs update. The server stores it before anyone
 * connects, so clients never race to initialise the same document.
 */
export function initialDocumentState(init: NewDocument): Uint8Array {
  const doc = new Y.Doc();
  if (init.type !== 'goal-table') {
    throw new UnsupportedDocumentTypeError(`Document type "${init.type}" has no editor yet`);
  }
  const template = init.template
    ? goalTableTemplates.find((t) => t.id === init.template)
    : goalTableTemplates[0];
  if (!template) throw new UnknownTemplateError(`Unknown template "${init.template}"`);
  GoalTable.create(doc, { title: init.title, columns: template.columns(init.locale), rows: template.rows });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
