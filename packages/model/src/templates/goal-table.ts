import type { ColumnSpec } from '../goal-table.ts';
import type { Locale, LocalizedText } from '../scales.ts';

export interface GoalTableTemplate {
  id: string;
  name: LocalizedText;
  columns: (locale: Locale) => ColumnSpec[];
  /** Empty rows the new table starts with, so people have somewhere to type. */
  rows: number;
}

const titles = {
  goal: { fi: 'Tavoite', sv: 'Mål', en: 'Goal' },
  task: { fi: 'Kehittämistehtävä', sv: 'Utvecklingsuppgift', en: 'Development task' },
  status: { fi: 'Tila', sv: 'Status', en: 'Status' },
  schedule: { fi: 'Aikataulu', sv: 'Tidtabell', en: 'Schedule' },
  responsible: { fi: 'Vastuuhenkilöt', sv: 'Ansvarspersoner', en: 'Responsible people' },
} satisfies Record<string, LocalizedText>;

/** The goal table of Finnish regional action plans: goal, task, four-state status, schedule, people. */
export const actionPlanGoalTable: GoalTableTemplate = {
  id: 'goal-table',
  name: { fi: 'Tavoitetaulukko', sv: 'Måltabell', en: 'Goal table' },
  rows: 3,
  columns: (locale) => [
    { id: 'goal', kind: 'rich-text', title: titles.goal[locale] },
    { id: 'task', kind: 'rich-text', title: titles.task[locale] },
    { id: 'status', kind: 'status', title: titles.status[locale], scale: 'four-state' },
    { id: 'schedule', kind: 'rich-text', title: titles.schedule[locale] },
    { id: 'responsible', kind: 'rich-text', title: titles.responsible[locale] },
  ],
};

export const goalTableTemplates: readonly GoalTableTemplate[] = [actionPlanGoalTable];
