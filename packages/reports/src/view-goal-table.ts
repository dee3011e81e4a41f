import { richTextPlain, type MaterialisedCell, type MaterialisedColumn, type MaterialisedGoalTable, type MaterialisedScale, type RichText } from '@yhteispaja/model';
import { cell, type Block, type StatusMark, type TableCell, type TableRow } from './blocks.ts';
import { t } from './i18n.ts';
import { rowLabel } from './progress.ts';
import type { ReportLocale } from './types.ts';

export function statusMark(scale: MaterialisedScale | null, value: string | null, locale: ReportLocale): StatusMark | undefined {
  if (value === null) return undefined;
  const step = scale?.steps.find((s) => s.key === value);
  return step ? { label: step.label[locale], colour: step.colour } : undefined;
}

/** A status value as a cell: the step's label in the report's language, with its colour. */
export function statusCell(scale: MaterialisedScale | null, value: string | null, locale: ReportLocale): TableCell {
  if (value === null) return cell(t('unset', locale));
  const mark = statusMark(scale, value, locale);
  return mark ? cell(mark.label, mark) : cell(value);
}

export function cellText(column: MaterialisedColumn, value: MaterialisedCell | undefined): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'rich-text':
      return Array.isArray(value) ? richTextPlain(value as RichText) : '';
    case 'people':
      return Array.isArray(value) ? (value as string[]).join(', ') : '';
    case 'number':
      return typeof value === 'number' ? String(value) : '';
    case 'evaluation':
      return '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

function periodValue(value: MaterialisedCell | undefined, periodId: string): string | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? ((value as Record<string, string>)[periodId] ?? null) : null;
}

/** Header cells, one per column and one per period of an evaluation column. */
function expandedColumns(table: MaterialisedGoalTable): { title: string; column: MaterialisedColumn; periodId: string | null }[] {
  return table.columns.flatMap((column) =>
    column.kind === 'evaluation' ? column.periods.map((p) => ({ title: `${column.title}: ${p.label}`, column, periodId: p.id as string | null })) : [{ title: column.title, column, periodId: null }],
  );
}

function genericTable(table: MaterialisedGoalTable, locale: ReportLocale): Block {
  const columns = expandedColumns(table);
  const rows: TableRow[] = table.rows.map((row) => {
    if (row.kind === 'heading') return { group: row.heading ?? '', cells: [] };
    return {
      cells: columns.map(({ column, periodId }) => {
        const value = row.cells[column.id];
        if (column.kind === 'status') return statusCell(column.scale, typeof value === 'string' ? value : null, locale);
        if (periodId !== null) return column.scale ? statusCell(column.scale, periodValue(value, periodId), locale) : cell(periodValue(value, periodId) ?? '');
        return cell(cellText(column, value));
      }),
    };
  });
  return { kind: 'table', caption: table.meta.title, header: columns.map((c) => c.title), rows };
}

function hasContent(table: MaterialisedGoalTable, row: MaterialisedGoalTable['rows'][number]): boolean {
  return table.columns.some((column) => {
    const value = row.cells[column.id];
    if (column.kind === 'evaluation') return !!value && typeof value === 'object' && Object.keys(value).length > 0;
    return cellText(column, value).trim() !== '' || (column.kind === 'status' && typeof value === 'string');
  });
}

/** A self-evaluation table: heading rows (the national benefit goals) and an evaluation column. */
export function isSelfEvaluation(table: MaterialisedGoalTable): boolean {
  return table.columns.some((c) => c.kind === 'evaluation') && table.rows.some((r) => r.kind === 'heading');
}

/**
 * The THL/Innokylä structure: the benefit goals as sections, then per measure its goal, metric,
 * data source and the results per evaluation period, so a project can paste it section by section.
 */
function selfEvaluationBlocks(table: MaterialisedGoalTable, locale: ReportLocale): Block[] {
  const blocks: Block[] = [{ kind: 'paragraph', text: t('selfEvaluation', locale) }];
  for (const row of table.rows) {
    if (row.kind === 'heading') {
      blocks.push({ kind: 'heading', level: 2, text: row.heading || t('empty', locale) });
      continue;
    }
    const label = rowLabel(table, row);
    if (!label && !hasContent(table, row)) continue; // the template's empty rows
    blocks.push({ kind: 'heading', level: 3, text: label || t('empty', locale) });
    const pairs = table.columns
      .filter((c) => c.kind !== 'evaluation')
      .map((column) => {
        const value = row.cells[column.id];
        const text = column.kind === 'status' ? statusCell(column.scale, typeof value === 'string' ? value : null, locale).text : cellText(column, value);
        return { label: column.title, text };
      });
    blocks.push({ kind: 'fields', pairs });
    for (const column of table.columns.filter((c) => c.kind === 'evaluation')) {
      const value = row.cells[column.id];
      blocks.push({
        kind: 'table',
        caption: `${label}: ${column.title}`,
        header: [t('period', locale), column.title],
        rows: column.periods.map((p) => ({
          cells: [cell(p.label), column.scale ? statusCell(column.scale, periodValue(value, p.id), locale) : cell(periodValue(value, p.id) ?? t('unset', locale))],
        })),
      });
    }
  }
  return blocks;
}

export function goalTableBlocks(table: MaterialisedGoalTable, locale: ReportLocale): Block[] {
  return isSelfEvaluation(table) ? selfEvaluationBlocks(table, locale) : [genericTable(table, locale)];
}
