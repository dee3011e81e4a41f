import * as Y from 'yjs';
import { childCollection, listField, observeStructure, OrderedCollection, richField, textField } from './collection.ts';
import { writeMeta } from './meta.ts';
import type { Ordered } from './order.ts';

/**
 * Action plan layout (schema version 1):
 * - `meta`:     { type: 'action-plan', title, schemaVersion }
 * - `sections`: Y.Map<sectionId, Y.Map{ order, title: Y.Text, goals, outputs, impacts, metrics,
 *                 notes: Y.XmlFragment (rich text each), actions: Y.Map<actionId, Action> }>
 *   A section is a theme or work package.
 * - Action:     Y.Map{ order, text: Y.XmlFragment, status: 'planned' | 'ongoing' | 'done',
 *                 start?, end?: 'YYYY-MM-DD' | free text (e.g. "syksy 2016"),
 *                 responsible: Y.Array<string>, links: Y.Array<string> }
 */
export const actionPlanSchemaVersion = 1;

export const sectionFields = ['goals', 'outputs', 'impacts', 'metrics', 'notes'] as const;
export type SectionField = (typeof sectionFields)[number];

export const actionStatuses = ['planned', 'ongoing', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export interface ActionSummary extends Ordered {
  status: ActionStatus;
  start: string | undefined;
  end: string | undefined;
}

export interface SectionSpec {
  title: string;
  /** Plain-text starting content of the rich-text fields, by field. */
  fields?: Partial<Record<SectionField, string>>;
}

export class ActionPlan {
  readonly doc: Y.Doc;
  readonly sectionsMap: Y.Map<Y.Map<unknown>>;
  private readonly sections: OrderedCollection;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.sectionsMap = doc.getMap('sections');
    this.sections = new OrderedCollection(this.sectionsMap);
  }

  static create(doc: Y.Doc, init: { title: string; sections: readonly SectionSpec[] }): ActionPlan {
    const plan = new ActionPlan(doc);
    doc.transact(() => {
      writeMeta(doc, { type: 'action-plan', title: init.title, schemaVersion: actionPlanSchemaVersion });
      for (const section of init.sections) plan.addSection(section);
    });
    return plan;
  }

  sectionIds(): string[] {
    return this.sections.ids();
  }

  addSection(spec: SectionSpec, index?: number): string {
    let id = '';
    this.doc.transact(() => {
      id = this.sections.add(
        (section) => {
          section.set('title', new Y.Text(spec.title));
          for (const field of sectionFields) section.set(field, new Y.XmlFragment());
          section.set('actions', new Y.Map());
        },
        index === undefined ? {} : { index },
      );
      const section = this.sectionsMap.get(id)!;
      for (const [field, text] of Object.entries(spec.fields ?? {})) {
        if (text) writeParagraphs(section.get(field) as Y.XmlFragment, text);
      }
    });
    return id;
  }

  moveSection(id: string, index: number): void {
    this.sections.move(id, index);
  }

  removeSection(id: string): void {
    this.sections.remove(id);
  }

  sectionTitle(id: string): Y.Text | undefined {
    const section = this.sectionsMap.get(id);
    return section && textField(section, 'title');
  }

  sectionField(id: string, field: SectionField): Y.XmlFragment | undefined {
    const section = this.sectionsMap.get(id);
    return section && richField(section, field);
  }

  private actionsOf(sectionId: string): OrderedCollection | undefined {
    const section = this.sectionsMap.get(sectionId);
    return section && childCollection(section, 'actions');
  }

  actions(sectionId: string): ActionSummary[] {
    const actions = this.actionsOf(sectionId);
    if (!actions) return [];
    return actions.list().map((item) => {
      const action = actions.get(item.id)!;
      const status = action.get('status');
      const start = action.get('start');
      const end = action.get('end');
      return {
        ...item,
        status: (actionStatuses as readonly unknown[]).includes(status) ? (status as ActionStatus) : 'planned',
        start: typeof start === 'string' ? start : undefined,
        end: typeof end === 'string' ? end : undefined,
      };
    });
  }

  addAction(sectionId: string, init: { text?: string; status?: ActionStatus; start?: string; end?: string; responsible?: string[] } = {}): string | undefined {
    const actions = this.actionsOf(sectionId);
    if (!actions) return undefined;
    let id = '';
    this.doc.transact(() => {
      id = actions.add((action) => {
        action.set('text', new Y.XmlFragment());
        action.set('status', init.status ?? 'planned');
        if (init.start) action.set('start', init.start);
        if (init.end) action.set('end', init.end);
        const responsible = new Y.Array<string>();
        if (init.responsible?.length) responsible.push(init.responsible);
        action.set('responsible', responsible);
        action.set('links', new Y.Array<string>());
      });
      if (init.text) writeParagraphs(actions.get(id)!.get('text') as Y.XmlFragment, init.text);
    });
    return id;
  }

  private action(sectionId: string, actionId: string): Y.Map<unknown> | undefined {
    return this.actionsOf(sectionId)?.get(actionId);
  }

  actionText(sectionId: string, actionId: string): Y.XmlFragment | undefined {
    const action = this.action(sectionId, actionId);
    return action && richField(action, 'text');
  }

  setActionStatus(sectionId: string, actionId: string, status: ActionStatus): void {
    this.action(sectionId, actionId)?.set('status', status);
  }

  setActionDates(sectionId: string, actionId: string, dates: { start?: string | undefined; end?: string | undefined }): void {
    const action = this.action(sectionId, actionId);
    if (!action) return;
    for (const key of ['start', 'end'] as const) {
      if (!(key in dates)) continue;
      const value = dates[key];
      if (value) action.set(key, value);
      else action.delete(key);
    }
  }

  responsible(sectionId: string, actionId: string): Y.Array<string> | undefined {
    const action = this.action(sectionId, actionId);
    return action && listField(action, 'responsible');
  }

  links(sectionId: string, actionId: string): Y.Array<string> | undefined {
    const action = this.action(sectionId, actionId);
    return action && listField(action, 'links');
  }

  moveAction(sectionId: string, actionId: string, index: number): void {
    this.actionsOf(sectionId)?.move(actionId, index);
  }

  /**
   * Move an action to another section, keeping its id (so links to it survive) and content.
   * The copy is made in one transaction; concurrent edits to the old copy made meanwhile are lost,
   * as with any cut and paste, which is why moving within a section only changes the order key.
   */
  moveActionToSection(fromSectionId: string, actionId: string, toSectionId: string, index = Number.POSITIVE_INFINITY): void {
    const from = this.actionsOf(fromSectionId);
    const to = this.actionsOf(toSectionId);
    const action = from?.get(actionId);
    if (!from || !to || !action || fromSectionId === toSectionId) return;
    this.doc.transact(() => {
      const copy = action.clone();
      from.remove(actionId);
      to.map.set(actionId, copy);
      to.move(actionId, index);
    });
  }

  removeAction(sectionId: string, actionId: string): void {
    this.actionsOf(sectionId)?.remove(actionId);
  }

  observeStructure(listener: () => void): () => void {
    return observeStructure([this.sectionsMap], listener);
  }
}

/** Fill an empty fragment with one paragraph per line of plain text. */
export function writeParagraphs(fragment: Y.XmlFragment, text: string): void {
  const paragraphs = text.split('\n').map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (line) paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
  fragment.insert(fragment.length, paragraphs);
}
