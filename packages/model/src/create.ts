import * as Y from 'yjs';
import { ActionPlan } from './action-plan.ts';
import { GoalTable } from './goal-table.ts';
import type { DocumentType } from './meta.ts';
import type { Locale, LocalizedText } from './scales.ts';
import { ServicePath } from './service-path.ts';
import { actionPlanTemplates } from './templates/action-plan.ts';
import { goalTableTemplates, type GoalTableTemplate } from './templates/goal-table.ts';
import { servicePathTemplates } from './templates/service-path.ts';

export interface NewDocument {
  type: DocumentType;
  title: string;
  /** Template id; the type's first template when omitted. */
  template?: string | undefined;
  locale: Locale;
}

export class UnknownTemplateError extends Error {}
export class UnsupportedDocumentTypeError extends Error {}

/** The templates a facilitator can pick from, by document type. */
export function templatesFor(type: DocumentType): { id: string; name: LocalizedText }[] {
  const all = { 'goal-table': goalTableTemplates, 'action-plan': actionPlanTemplates, 'service-path': servicePathTemplates }[type];
  return all.map(({ id, name }) => ({ id, name }));
}

function pick<T extends { id: string }>(templates: readonly T[], id: string | undefined): T {
  const template = id ? templates.find((t) => t.id === id) : templates[0];
  if (!template) throw new UnknownTemplateError(`Unknown template "${id}"`);
  return template;
}

function fillGoalTable(doc: Y.Doc, title: string, template: GoalTableTemplate, locale: Locale): void {
  const table = GoalTable.create(doc, { title, columns: template.columns(locale), rows: template.groups ? 0 : (template.rows ?? 0) });
  for (const heading of template.groups?.(locale) ?? []) {
    table.addRow(Number.POSITIVE_INFINITY, 'heading', heading);
    for (let i = 0; i < (template.rowsPerGroup ?? 0); i++) table.addRow();
  }
}

/**
 * The first state of a new document, as one Yjs update. The server stores it before anyone
 * connects, so clients never race to initialise the same document.
 */
export function initialDocumentState(init: NewDocument): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (init.type === 'goal-table') fillGoalTable(doc, init.title, pick(goalTableTemplates, init.template), init.locale);
    else if (init.type === 'action-plan') {
      ActionPlan.create(doc, { title: init.title, sections: pick(actionPlanTemplates, init.template).sections(init.locale) });
    } else if (init.type === 'service-path') {
      const template = pick(servicePathTemplates, init.template);
      ServicePath.create(doc, { title: init.title, stages: template.stages(init.locale), lanes: template.lanes(init.locale) });
    } else throw new UnsupportedDocumentTypeError(`Document type "${String(init.type)}" is not known`);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
