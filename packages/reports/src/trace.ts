import { richTextPlain, type MaterialisedDocument } from '@yhteispaja/model';
import { rowLabel } from './progress.ts';
import type { ReportDocument } from './types.ts';

export type TraceKind = 'idea' | 'pain-point' | 'row' | 'action';

export interface TraceNode {
  documentId: string;
  documentTitle: string;
  itemId: string;
  kind: TraceKind;
  label: string;
}

/** One chain: linked items from idea or pain point through goal rows to actions. */
export interface TraceChain {
  nodes: TraceNode[];
}

const rank: Record<TraceKind, number> = { 'pain-point': 0, idea: 0, row: 1, action: 2 };

function itemsOf(doc: ReportDocument): { node: TraceNode; links: string[] }[] {
  const content: MaterialisedDocument = doc.content;
  const base = { documentId: doc.id, documentTitle: content.meta.title };
  const key = (ref: { documentId: string; itemId: string }) => `${ref.documentId}#${ref.itemId}`;
  if (content.type === 'goal-table') {
    return content.rows
      .filter((row) => row.kind === 'item')
      .map((row) => ({ node: { ...base, itemId: row.id, kind: 'row' as const, label: rowLabel(content, row) }, links: row.links.map(key) }));
  }
  if (content.type === 'action-plan') {
    return content.sections.flatMap((s) =>
      s.actions.map((a) => ({ node: { ...base, itemId: a.id, kind: 'action' as const, label: richTextPlain(a.text).split('\n')[0] ?? '' }, links: a.links.map(key) })),
    );
  }
  return content.stages.flatMap((stage) => [
    ...stage.painPoints.map((p) => ({ node: { ...base, itemId: p.id, kind: 'pain-point' as const, label: richTextPlain(p.text).split('\n')[0] ?? '' }, links: p.links.map(key) })),
    ...stage.ideas.map((p) => ({ node: { ...base, itemId: p.id, kind: 'idea' as const, label: richTextPlain(p.text).split('\n')[0] ?? '' }, links: p.links.map(key) })),
  ]);
}

/**
 * The traceability chains of a version: items joined by links (in either direction) form one chain,
 * listed idea/pain point → goal row → action, in document order. Links to items that are not in this
 * version are left out. Iterative: a hostile number of links cannot overflow the stack.
 */
export function buildTraceChains(documents: readonly ReportDocument[]): TraceChain[] {
  const nodes = new Map<string, { node: TraceNode; position: number }>();
  const edges = new Map<string, Set<string>>();
  const all = documents.filter((d) => ['goal-table', 'action-plan', 'service-path'].includes(d.content?.type)).flatMap(itemsOf);
  all.forEach(({ node }, position) => nodes.set(`${node.documentId}#${node.itemId}`, { node, position }));
  const connect = (a: string, b: string) => {
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a)!.add(b);
  };
  for (const { node, links } of all) {
    const from = `${node.documentId}#${node.itemId}`;
    for (const to of links) {
      if (to === from || !nodes.has(to)) continue;
      connect(from, to);
      connect(to, from);
    }
  }
  const seen = new Set<string>();
  const chains: TraceChain[] = [];
  for (const { node } of all) {
    const start = `${node.documentId}#${node.itemId}`;
    if (seen.has(start) || !edges.has(start)) continue;
    const members: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const current = stack.pop()!;
      members.push(current);
      for (const next of edges.get(current) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    const ordered = members.map((m) => nodes.get(m)!).sort((a, b) => rank[a.node.kind] - rank[b.node.kind] || a.position - b.position);
    chains.push({ nodes: ordered.map((m) => m.node) });
  }
  return chains;
}
