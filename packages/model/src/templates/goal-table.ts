import type { ColumnSpec } from '../goal-table.ts';
import type { Locale, LocalizedText } from '../scales.ts';

export interface GoalTableTemplate {
  id: string;
  name: LocalizedText;
  columns: (locale: Locale) => ColumnSpec[];
  /** Heading rows, each followed by `rowsPerGroup` empty rows; or just `rows` empty rows. */
  groups?: (locale: Locale) => string[];
  rowsPerGroup?: number;
  rows?: number;
}

const t = (fi: string, sv: string, en: string): LocalizedText => ({ fi, sv, en });

const titles = {
  goal: t('Tavoite', 'Mål', 'Goal'),
  task: t('Kehittämistehtävä', 'Utvecklingsuppgift', 'Development task'),
  measure: t('Kehittämistoimenpide', 'Utvecklingsåtgärd', 'Development measure'),
  status: t('Tila', 'Status', 'Status'),
  schedule: t('Aikataulu', 'Tidtabell', 'Schedule'),
  responsible: t('Vastuuhenkilöt', 'Ansvarspersoner', 'Responsible people'),
  metrics: t('Mittarit', 'Mätare', 'Metrics'),
  dataSource: t('Tietolähde', 'Datakälla', 'Data source'),
  maturity: t('Kypsyystaso', 'Mognadsnivå', 'Maturity'),
  results: t('Tulokset', 'Resultat', 'Results'),
};

/** The goal table of Finnish regional action plans: goal, task, four-state status, schedule, people. */
export const actionPlanGoalTable: GoalTableTemplate = {
  id: 'goal-table',
  name: t('Tavoitetaulukko', 'Måltabell', 'Goal table'),
  rows: 3,
  columns: (locale) => [
    { id: 'goal', kind: 'rich-text', title: titles.goal[locale] },
    { id: 'task', kind: 'rich-text', title: titles.task[locale] },
    { id: 'status', kind: 'status', title: titles.status[locale], scale: 'four-state' },
    { id: 'schedule', kind: 'rich-text', title: titles.schedule[locale] },
    { id: 'responsible', kind: 'rich-text', title: titles.responsible[locale] },
  ],
};

/** The five national benefit goals that THL's self-evaluations (oma-arviointi) are structured by. */
export const nationalBenefitGoals: LocalizedText[] = [
  t(
    'Palveluiden yhdenvertaisen saatavuuden, oikea-aikaisuuden ja jatkuvuuden parantaminen',
    'Förbättrad jämlik tillgång till tjänster samt tjänsternas rättidighet och kontinuitet',
    'Equal access to services, timeliness and continuity',
  ),
  t(
    'Toiminnan painotuksen siirtäminen raskaista palveluista ehkäisevään ja ennakoivaan työhön',
    'Tyngdpunkten flyttas från tunga tjänster till förebyggande och proaktivt arbete',
    'Shifting the emphasis from heavy services to preventive and proactive work',
  ),
  t('Palveluiden laadun ja vaikuttavuuden parantaminen', 'Förbättrad kvalitet och verkan i tjänsterna', 'Quality and effectiveness of services'),
  t(
    'Palveluiden monialaisuuden ja yhteentoimivuuden varmistaminen',
    'Säkerställande av tjänsternas mångprofessionalitet och interoperabilitet',
    'Multidisciplinary and interoperable services',
  ),
  t('Kustannusten nousun hillitseminen', 'Dämpad kostnadsökning', 'Curbing the growth of costs'),
];

/**
 * THL self-evaluation (oma-arviointi): development measures grouped under the five national
 * benefit goals, each rated month by month or per reporting round on the 1–5 maturity scale.
 */
export const selfEvaluationGoalTable: GoalTableTemplate = {
  id: 'self-evaluation',
  name: t('Oma-arviointi (THL, hyötytavoitteet)', 'Självvärdering (THL, nyttomål)', 'Self-evaluation (THL benefit goals)'),
  groups: (locale) => nationalBenefitGoals.map((goal, index) => `${index + 1}. ${goal[locale]}`),
  rowsPerGroup: 2,
  columns: (locale) => [
    { id: 'measure', kind: 'rich-text', title: titles.measure[locale] },
    { id: 'metrics', kind: 'rich-text', title: titles.metrics[locale] },
    { id: 'data-source', kind: 'rich-text', title: titles.dataSource[locale] },
    { id: 'responsible', kind: 'people', title: titles.responsible[locale] },
    {
      id: 'maturity',
      kind: 'evaluation',
      title: titles.maturity[locale],
      scale: 'maturity-1-5',
      periods: ({ fi: ['Lähtötilanne', 'Syksy', 'Kevät'], sv: ['Utgångsläge', 'Hösten', 'Våren'], en: ['Baseline', 'Autumn', 'Spring'] } as const)[locale],
    },
    { id: 'results', kind: 'rich-text', title: titles.results[locale] },
  ],
};

/**
 * The sections of the 2016 regional action plans: goals, measures, outputs, impacts, embedding,
 * evaluation, as heading rows of one four-state goal table.
 */
export const regionalGoalTable: GoalTableTemplate = {
  id: 'regional-action-plan',
  name: t('Alueellinen toimintasuunnitelma (taulukko)', 'Regional verksamhetsplan (tabell)', 'Regional action plan (table)'),
  groups: (locale) =>
    ({
      fi: ['Tavoitteet', 'Toimenpiteet', 'Tuotokset', 'Vaikutukset', 'Juurruttaminen', 'Arviointi'],
      sv: ['Mål', 'Åtgärder', 'Resultat', 'Effekter', 'Förankring', 'Utvärdering'],
      en: ['Goals', 'Measures', 'Outputs', 'Impacts', 'Embedding', 'Evaluation'],
    })[locale],
  rowsPerGroup: 1,
  columns: (locale) => [
    { id: 'goal', kind: 'rich-text', title: titles.goal[locale] },
    { id: 'task', kind: 'rich-text', title: titles.task[locale] },
    { id: 'status', kind: 'status', title: titles.status[locale], scale: 'four-state' },
    { id: 'schedule', kind: 'schedule', title: titles.schedule[locale] },
    { id: 'responsible', kind: 'people', title: titles.responsible[locale] },
  ],
};

export const goalTableTemplates: readonly GoalTableTemplate[] = [actionPlanGoalTable, selfEvaluationGoalTable, regionalGoalTable];
