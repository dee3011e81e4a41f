import type * as Y from 'yjs';
import { ActionPlan } from './action-plan.ts';
import { GoalTable } from './goal-table.ts';
import { formatLink, readLinks, type ItemRef } from './links.ts';
import { readMeta, type DocumentType } from './meta.ts';
import { richTextToPlain } from './richtext.ts';
import { ServicePath } from './service-path.ts';

export type LinkableKind = 'row' | 'action' | 'pain-point' | 'idea';

/** An item other items can link to and from: goal-table rows, actions, pain points and ideas. */
export interface LinkableItem {
  itemId: string;
  kind: LinkableKind;
  /** A short plain-text label: the row's first filled text cell, the action's or item's text. */
  label: string;
  links: ItemRef[];
}

/** Every linkable item of a document, in document order. */
export function linkableItems(doc: Y.Doc): LinkableItem[] {
  const meta = readMeta(doc);
  if (!meta) return [];
  if (meta.type === 'goal-table') {
    const table = new GoalTable(doc);
    const textColumns = table.columns().filter((c) => c.kind === 'rich-text');
    return table
      .rows()
      .filter((row) => row.kind === 'item')
      .map((row) => {
        const texts = textColumns.map((c) => richTextToPlain(table.richText(row.id, c.id)!).trim());
        return { itemId: row.id, kind: 'row', label: texts.find((t) => t !== '') ?? '', links: readLinks(table.links(row.id)!) };
      });
  }
  if (meta.type === 'action-plan') {
    const plan = new ActionPlan(doc);
    return plan.sectionIds().flatMap((section) =>
      plan.actions(section).map((action) => ({
        itemId: action.id,
        kind: 'action' as const,
        label: richTextToPlain(plan.actionText(section, action.id)!).trim(),
        links: readLinks(plan.links(section, action.id)!),
      })),
    );
  }
  const path = new ServicePath(doc);
  return path.stageIds().flatMap((stage) =>
    (['painPoints', 'ideas'] as const).flatMap((list) =>
      path.items(stage, list).map((item) => ({
        itemId: item.id,
        kind: list === 'painPoints' ? ('pain-point' as const) : ('idea' as const),
        label: richTextToPlain(path.itemText(stage, list, item.id)!).trim(),
        links: readLinks(path.itemLinks(stage, list, item.id)!),
      })),
    ),
  );
}

export interface TraceNode extends ItemRef {
  documentType: DocumentType;
  documentTitle: string;
  kind: LinkableKind;
  label: string;
}

export interface Trace {
  nodes: TraceNode[];
  /** Links between the nodes, as stored: from the item that holds the link to the item it names. */
  links: { from: ItemRef; to: ItemRef }[];
}

/**
 * Follow links both ways from one item across a set of documents: from a pain point on the
 * workshop wall to the development task it became, to the action that carries it out. Links to
 * items not in `docs` (other workshops, deleted items) are left out.
 */
export function traceItem(docs: ReadonlyMap<string, Y.Doc>, start: ItemRef): Trace {
  const nodes = new Map<string, TraceNode>();
  const outgoing = new Map<string, ItemRef[]>();
  const incoming = new Map<string, ItemRef[]>();
  for (const [documentId, doc] of docs) {
    const meta = readMeta(doc);
    if (!meta) continue;
    for (const item of linkableItems(doc)) {
      const ref = { documentId, itemId: item.itemId };
      nodes.set(formatLink(ref), { ...ref, documentType: meta.type, documentTitle: meta.title, kind: item.kind, label: item.label });
      outgoing.set(formatLink(ref), item.links);
      for (const target of item.links) {
        const key = formatLink(target);
        incoming.set(key, [...(incoming.get(key) ?? []), ref]);
      }
    }
  }
  const seen = new Set<string>();
  const queue = [formatLink(start)];
  const links: Trace['links'] = [];
  while (queue.length > 0) {
    const key = queue.shift()!;
    if (seen.has(key) || !nodes.has(key)) continue;
    seen.add(key);
    const here = nodes.get(key)!;
    for (const target of outgoing.get(key) ?? []) {
      if (!nodes.has(formatLink(target))) continue;
      links.push({ from: { documentId: here.documentId, itemId: here.itemId }, to: target });
      queue.push(formatLink(target));
    }
    for (const source of incoming.get(key) ?? []) queue.push(formatLink(source));
  }
  return { nodes: [...seen].map((key) => nodes.get(key)!), links };
}
