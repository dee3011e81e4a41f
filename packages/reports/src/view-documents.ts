import { richTextPlain, sectionFields, stageFields, type MaterialisedActionPlan, type MaterialisedServicePath } from '@yhteispaja/model';
import { cell, type Block, type StatusMark } from './blocks.ts';
import { t } from './i18n.ts';
import { journeyMapSvg } from './journey-svg.ts';
import type { ReportLocale } from './types.ts';

const actionColours: Record<'planned' | 'ongoing' | 'done', string> = { planned: '#6b6b6b', ongoing: '#1f5fa8', done: '#1d6b35' };

export function actionStatusMark(status: 'planned' | 'ongoing' | 'done', locale: ReportLocale): StatusMark {
  return { label: t(status, locale), colour: actionColours[status] };
}

export function actionPlanBlocks(plan: MaterialisedActionPlan, locale: ReportLocale): Block[] {
  const blocks: Block[] = [];
  for (const section of plan.sections) {
    blocks.push({ kind: 'heading', level: 2, text: section.title || t('empty', locale) });
    const pairs = sectionFields.map((field) => ({ label: t(field, locale), text: richTextPlain(section.fields[field]) })).filter((p) => p.text.trim());
    if (pairs.length > 0) blocks.push({ kind: 'fields', pairs });
    if (section.actions.length === 0) continue;
    blocks.push({
      kind: 'table',
      caption: `${section.title}: ${t('actions', locale)}`,
      header: [t('action', locale), t('status', locale), t('start', locale), t('end', locale), t('responsible', locale)],
      rows: section.actions.map((a) => {
        const mark = actionStatusMark(a.status, locale);
        return { cells: [cell(richTextPlain(a.text)), cell(mark.label, mark), cell(a.start ?? ''), cell(a.end ?? ''), cell(a.responsible.join(', '))] };
      }),
    });
  }
  return blocks;
}

export function servicePathBlocks(path: MaterialisedServicePath, locale: ReportLocale): Block[] {
  const blocks: Block[] = [];
  if (path.stages.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: t('journeyMap', locale) });
    blocks.push(journeyMapSvg(path, locale));
  }
  for (const [index, stage] of path.stages.entries()) {
    blocks.push({ kind: 'heading', level: 2, text: `${index + 1}. ${stage.title}` });
    const pairs = [
      ...stageFields.map((field) => ({ label: t(field, locale), text: richTextPlain(stage.fields[field]) })),
      ...path.lanes.map((lane) => ({ label: lane.title, text: richTextPlain(stage.laneNotes[lane.id] ?? []) })),
      { label: t('channels', locale), text: stage.channels.map((c) => t(c, locale)).join(', ') },
    ].filter((p) => p.text.trim());
    if (pairs.length > 0) blocks.push({ kind: 'fields', pairs });
    for (const kind of ['painPoints', 'ideas'] as const) {
      if (stage[kind].length === 0) continue;
      blocks.push({ kind: 'heading', level: 3, text: t(kind, locale) });
      blocks.push({ kind: 'list', items: stage[kind].map((item) => richTextPlain(item.text)) });
    }
  }
  return blocks;
}
