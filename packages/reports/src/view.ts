import type { Change, StatusValue } from '@yhteispaja/model';
import { cell, type Block, type ReportView, type TableCell } from './blocks.ts';
import { formatDate, languageTag, t, type TextKey } from './i18n.ts';
import { buildProgressMatrix } from './progress.ts';
import { buildTraceChains, type TraceKind } from './trace.ts';
import type { ReportInput, ReportLocale } from './types.ts';
import { actionPlanBlocks, servicePathBlocks } from './view-documents.ts';
import { goalTableBlocks, statusCell } from './view-goal-table.ts';

const typeName: Record<'goal-table' | 'action-plan' | 'service-path', TextKey> = { 'goal-table': 'goalTable', 'action-plan': 'actionPlan', 'service-path': 'servicePath' };

function progressBlocks(input: ReportInput, locale: ReportLocale): Block[] {
  const measures = buildProgressMatrix(input);
  if (measures.length === 0) return [{ kind: 'paragraph', text: t('noMeasures', locale) }];
  const blocks: Block[] = [{ kind: 'paragraph', text: t('progressIntro', locale) }];
  for (const measure of measures) {
    const caption = `${measure.documentTitle}: ${measure.title}`;
    blocks.push({ kind: 'heading', level: 2, text: caption });
    blocks.push({
      kind: 'table',
      caption,
      header: [t('row', locale), ...measure.versions.map((v) => `v${v.version} ${v.label}`.trim())],
      rows: measure.rows.map((row) => ({ cells: [cell(row.label || t('empty', locale)), ...row.values.map((value) => statusCell(measure.scale, value, locale))] })),
    });
  }
  return blocks;
}

function statusValueCell(value: StatusValue | null, locale: ReportLocale): TableCell {
  if (!value) return cell(t('unset', locale));
  const label = value.label[locale] || value.value;
  return value.color ? cell(label, { label, colour: value.color }) : cell(label);
}

function changeRow(change: Change, locale: ReportLocale): TableCell[] {
  const by = cell(change.by.map((a) => a.name).join(', '));
  const item = cell(change.label || t('empty', locale));
  switch (change.kind) {
    case 'item-added':
    case 'item-removed':
    case 'item-moved': {
      const key = ({ 'item-added': 'added', 'item-removed': 'removed', 'item-moved': 'moved' } as const)[change.kind];
      return [cell(t(key, locale)), item, cell(''), cell(''), cell(''), by];
    }
    case 'status-changed':
      return [cell(t('changedStatus', locale)), item, cell(change.fieldLabel), statusValueCell(change.from, locale), statusValueCell(change.to, locale), by];
    case 'text-changed': {
      const before = change.diff.filter((p) => p.op !== 'insert').map((p) => p.text).join('');
      const after = change.diff.filter((p) => p.op !== 'delete').map((p) => p.text).join('');
      return [cell(t('changedText', locale)), item, cell(change.fieldLabel), cell(before), cell(after), by];
    }
    case 'value-changed':
      return [cell(t('changedValue', locale)), item, cell(change.fieldLabel), cell(change.from ?? t('unset', locale)), cell(change.to ?? t('unset', locale)), by];
  }
}

function changeBlocks(input: ReportInput, locale: ReportLocale): Block[] {
  if (!input.changes || input.changes.from === null) return [{ kind: 'paragraph', text: t('firstVersion', locale) }];
  const changed = input.changes.documents.filter((d) => d.status !== 'unchanged');
  if (changed.length === 0) return [{ kind: 'paragraph', text: t('noChanges', locale) }];
  const blocks: Block[] = [];
  for (const doc of changed) {
    blocks.push({ kind: 'heading', level: 2, text: doc.title || t('empty', locale) });
    if (doc.status === 'added' || doc.status === 'removed') blocks.push({ kind: 'paragraph', text: t(doc.status === 'added' ? 'documentAdded' : 'documentRemoved', locale) });
    if (doc.changes.length === 0) continue;
    blocks.push({
      kind: 'table',
      caption: `${doc.title}: ${t('changes', locale)}`,
      header: [t('change', locale), t('item', locale), t('field', locale), t('from', locale), t('to', locale), t('by', locale)],
      rows: doc.changes.map((c) => ({ cells: changeRow(c, locale) })),
    });
  }
  return blocks;
}

const traceKindText: Record<TraceKind, TextKey> = { idea: 'idea', 'pain-point': 'painPoint', row: 'row', action: 'action' };

function traceBlocks(input: ReportInput, locale: ReportLocale): Block[] {
  const chains = buildTraceChains(input.documents);
  if (chains.length === 0) return [{ kind: 'paragraph', text: t('noTraces', locale) }];
  return [
    { kind: 'paragraph', text: t('traceIntro', locale) },
    {
      kind: 'table',
      caption: t('traceChains', locale),
      header: [t('chain', locale), t('item', locale), t('value', locale)],
      rows: chains.flatMap((chain, i) =>
        chain.nodes.map((node, j) => ({
          cells: [cell(j === 0 ? String(i + 1) : ''), cell(`${t(traceKindText[node.kind], locale)} (${node.documentTitle})`), cell(node.label || t('empty', locale))],
        })),
      ),
    },
  ];
}

const knownTypes = new Set(['goal-table', 'action-plan', 'service-path']);
const known = (documents: ReportInput['documents']) => documents.filter((d) => knownTypes.has(d.content?.type));

/** The input without documents of types this version does not know (a later version may add some): left out, never an error. */
export function withKnownDocuments(input: ReportInput): ReportInput {
  return { ...input, documents: known(input.documents), previous: input.previous.map((p) => ({ ...p, documents: known(p.documents) })) };
}

/** The report's content in one language, ready for any renderer. */
export function buildReportView(raw: ReportInput, locale: ReportLocale): ReportView {
  const input = withKnownDocuments(raw);
  const s = input.snapshot;
  const cover = [
    { label: t('organisation', locale), text: input.organisation.name },
    { label: t('workshop', locale), text: input.workshop.title },
    { label: t('version', locale), text: `v${s.version}` },
    { label: t('label', locale), text: s.label },
    { label: t('date', locale), text: formatDate(s.createdAt, locale) },
    { label: t('createdBy', locale), text: s.createdBy },
    { label: t('participants', locale), text: s.participants.join(', ') },
    { label: t('checksum', locale), text: s.sha256 },
  ];
  const parts: ReportView['parts'] = input.documents.map((doc) => {
    const content = doc.content;
    const blocks: Block[] = [{ kind: 'paragraph', text: t(typeName[content.type], locale) }];
    if (content.type === 'goal-table') blocks.push(...goalTableBlocks(content, locale));
    else if (content.type === 'action-plan') blocks.push(...actionPlanBlocks(content, locale));
    else blocks.push(...servicePathBlocks(content, locale));
    return { id: `doc-${doc.id}`, title: content.meta.title || t('empty', locale), blocks };
  });
  parts.push({ id: 'progress', title: t('progressMatrix', locale), blocks: progressBlocks(input, locale) });
  parts.push({ id: 'changes', title: t('changes', locale), blocks: changeBlocks(input, locale) });
  parts.push({ id: 'trace', title: t('traceChains', locale), blocks: traceBlocks(input, locale) });
  return { lang: languageTag(locale), title: `${input.workshop.title} – v${s.version} ${s.label}`.trim(), cover, parts };
}
