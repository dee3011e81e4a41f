import { ActionPlan, actionStatuses, type ActionStatus } from './action-plan.ts';
import type { ColumnKind, GoalTable } from './goal-table.ts';
import { setPlainText } from './richtext.ts';
import { builtInScales, type StatusScale } from './scales.ts';
import { findPersonalData, type PersonalDataFinding } from './personal-data.ts';

/** A table read from a file (see packages/import): a header row and rows of strings. */
export interface ImportTable {
  headers: string[];
  rows: string[][];
}

/** A problem with one cell: row and column as people count them (the header is row 1). */
export interface ImportProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export class ImportError extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super(problems.map((p) => `row ${p.row}, column "${p.column}": ${p.message}`).join('; '));
    this.problems = problems;
  }
}

export interface ImportResult {
  rowsAdded: number;
  columnsCreated: string[];
  /** Cells that look like client data (identity codes, health details): imported, but the importer is warned at once. */
  personalData: { row: number; column: string; kind: PersonalDataFinding['kind'] }[];
}

/** Where the imported cells look like client data, for the warning the importer sees at once. */
function personalDataIn(input: ImportTable): ImportResult['personalData'] {
  const found: ImportResult['personalData'] = [];
  input.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      for (const finding of findPersonalData(cell)) found.push({ row: r + 2, column: input.headers[c]!, kind: finding.kind });
    }),
  );
  return found;
}

const normal = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Levenshtein distance, for headers with typos ("Vastuhenkilöt"). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** Header words people use for the template columns, in Finnish, Swedish and English. */
const aliases: Record<string, string[]> = {
  goal: ['tavoite', 'tavoitteet', 'mål', 'målen', 'goal', 'goals', 'objective'],
  task: ['kehittämistehtävä', 'kehittämistehtävät', 'tehtävä', 'utvecklingsuppgift', 'uppgift', 'task', 'development task'],
  measure: ['kehittämistoimenpide', 'toimenpide', 'toimenpiteet', 'åtgärd', 'åtgärder', 'measure', 'measures', 'action', 'actions'],
  status: ['tila', 'toteutuminen', 'status', 'tilanne', 'state', 'progress', 'förverkligande'],
  schedule: ['aikataulu', 'ajankohta', 'tidtabell', 'schedule', 'timetable', 'when'],
  responsible: ['vastuuhenkilöt', 'vastuuhenkilö', 'vastuu', 'ansvarspersoner', 'ansvarsperson', 'responsible', 'responsible people', 'owner'],
  metrics: ['mittarit', 'mittari', 'mätare', 'metrics', 'indicators'],
  'data-source': ['tietolähde', 'datakälla', 'data source', 'source'],
  results: ['tulokset', 'tulos', 'resultat', 'results'],
};

function matchesWord(header: string, candidates: readonly string[]): boolean {
  const h = normal(header);
  return candidates.some((candidate) => {
    const c = normal(candidate);
    return h === c || (c.length >= 6 && distance(h, c) <= 2);
  });
}

/** Every label and key of every built-in scale step, in every language, to the step key. */
function statusWord(value: string, scale: StatusScale | undefined): string | undefined {
  if (!scale) return undefined;
  const word = normal(value);
  for (const step of scale.steps) {
    const names = [step.key, ...Object.values(step.label), ...Object.values(step.label).map((label) => label.replace(/^\d+\s*/, ''))];
    if (names.some((name) => normal(name) === word)) return step.key;
  }
  const synonyms: Record<string, string> = { valmis: 'done', klar: 'done', kesken: 'started', käynnissä: 'started', pågår: 'started', 'in progress': 'started' };
  const synonym = synonyms[word];
  return synonym && scale.steps.some((s) => s.key === synonym) ? synonym : undefined;
}

/**
 * Fill a goal table from a table: headers map to existing columns by title or by the usual
 * words (with typos tolerated), unknown headers become new rich-text columns, status words in
 * Finnish, Swedish or English map to the column's scale, and the Word layout of one "x" column
 * per status ("Aloitettu | Ei aloitettu | …") becomes one status. Nothing is written when any
 * cell is wrong: the error names every bad cell's row and column.
 */
export function importIntoGoalTable(table: GoalTable, input: ImportTable): ImportResult {
  const columns = table.columns();
  const statusColumn = columns.find((c) => c.kind === 'status');
  const statusScale = statusColumn?.scale ?? 'four-state';
  const fourState = table.scale(statusScale) ?? builtInScales[0]!;

  type Target = { kind: 'column'; id: string; columnKind: ColumnKind; scale?: string | undefined } | { kind: 'checkbox'; step: string } | { kind: 'new'; title: string };
  const targets: Target[] = input.headers.map((header) => {
    const byTitle = columns.find((c) => normal(c.title) === normal(header));
    if (byTitle) return { kind: 'column', id: byTitle.id, columnKind: byTitle.kind, scale: byTitle.scale };
    const step = fourState.steps.find((s) => Object.values(s.label).some((label) => normal(label) === normal(header)));
    if (step && statusColumn) return { kind: 'checkbox', step: step.key };
    for (const column of columns) {
      if (aliases[column.id] && matchesWord(header, aliases[column.id]!)) return { kind: 'column', id: column.id, columnKind: column.kind, scale: column.scale };
    }
    return { kind: 'new', title: header };
  });

  // Validate everything first: a partial import would leave half a table for the group to clean up.
  const problems: ImportProblem[] = [];
  const values = input.rows.map((row, r) =>
    row.map((cell, c) => {
      const target = targets[c]!;
      if (target.kind !== 'column' || cell === '') return cell;
      if (target.columnKind === 'status') {
        const key = statusWord(cell, table.scale(target.scale ?? statusScale));
        if (!key) problems.push({ row: r + 2, column: input.headers[c]!, value: cell, message: `"${cell}" is not a step of the status scale` });
        return key ?? cell;
      }
      if (target.columnKind === 'number' && Number.isNaN(Number(cell.replace(',', '.')))) {
        problems.push({ row: r + 2, column: input.headers[c]!, value: cell, message: `"${cell}" is not a number` });
      }
      if (target.columnKind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(cell)) {
        problems.push({ row: r + 2, column: input.headers[c]!, value: cell, message: `"${cell}" is not a date (YYYY-MM-DD)` });
      }
      return cell;
    }),
  );
  if (problems.length > 0) throw new ImportError(problems);

  const columnsCreated: string[] = [];
  let rowsAdded = 0;
  table.doc.transact(() => {
    const ids = targets.map((target) => {
      if (target.kind !== 'new') return undefined;
      columnsCreated.push(target.title);
      return table.addColumn({ kind: 'rich-text', title: target.title });
    });
    const stepOrder = fourState.steps.map((s) => s.key);
    for (const row of values) {
      const rowId = table.addRow();
      rowsAdded++;
      let checked: string | undefined;
      row.forEach((cell, c) => {
        const target = targets[c]!;
        if (cell === '') return;
        if (target.kind === 'checkbox') {
          // Several boxes ticked: the most advanced step wins.
          if (!checked || stepOrder.indexOf(target.step) > stepOrder.indexOf(checked)) checked = target.step;
          return;
        }
        const columnId = target.kind === 'new' ? ids[c]! : target.id;
        const kind = target.kind === 'new' ? 'rich-text' : target.columnKind;
        writeCell(table, rowId, columnId, kind, cell);
      });
      if (checked && statusColumn) table.setStatus(rowId, statusColumn.id, checked);
    }
  });
  return { rowsAdded, columnsCreated, personalData: personalDataIn(input) };
}

function writeCell(table: GoalTable, rowId: string, columnId: string, kind: ColumnKind, value: string): void {
  switch (kind) {
    case 'rich-text':
      setPlainText(table.richText(rowId, columnId)!, value);
      break;
    case 'status':
    case 'date':
      table.setValue(rowId, columnId, value);
      break;
    case 'number':
      table.setValue(rowId, columnId, Number(value.replace(',', '.')));
      break;
    case 'people':
      table.people(rowId, columnId)!.push(value.split(/[,;\n]/).map((name) => name.trim()).filter(Boolean));
      break;
    case 'schedule':
      table.schedule(rowId, columnId)!.insert(0, value);
      break;
    case 'evaluation':
      break; // per-period results are not imported from one cell
  }
}

/**
 * Status words of real steering-group tables (fi/sv/en), after `normal`. "Partly done" counts as
 * ongoing: the plan's states are planned, ongoing and done.
 */
const actionStatusWords: Record<string, ActionStatus> = {
  suunniteltu: 'planned', suunnitteilla: 'planned', planerad: 'planned', planerat: 'planned', planned: 'planned',
  'ei aloitettu': 'planned', aloittamatta: 'planned', 'ej påbörjad': 'planned', 'not started': 'planned',
  käynnissä: 'ongoing', aloitettu: 'ongoing', kesken: 'ongoing', tekeillä: 'ongoing', pågår: 'ongoing', pågående: 'ongoing',
  påbörjad: 'ongoing', ongoing: 'ongoing', 'in progress': 'ongoing', started: 'ongoing',
  'toteutettu osittain': 'ongoing', 'osittain toteutettu': 'ongoing', 'toteutunut osittain': 'ongoing', 'osittain toteutunut': 'ongoing',
  'delvis genomförd': 'ongoing', 'delvis förverkligad': 'ongoing', 'partly done': 'ongoing', 'partially implemented': 'ongoing',
  valmis: 'done', toteutettu: 'done', toteutunut: 'done', tehty: 'done', klar: 'done', genomförd: 'done', förverkligad: 'done',
  done: 'done', implemented: 'done', completed: 'done',
};

export interface ActionPlanImportOptions {
  /**
   * The facilitator's own mapping for status words the table uses that have no match (word as
   * written in the file → state); checked before the built-in vocabulary.
   * @default {}
   */
  statusMap?: Readonly<Record<string, ActionStatus>>;
}

/**
 * Fill an action plan from a table with a theme or work-package column, an action column and
 * optionally status, start, end and responsible columns: sections are found by title or created.
 */
export function importIntoActionPlan(plan: ActionPlan, input: ImportTable, options: ActionPlanImportOptions = {}): ImportResult {
  const chosen = new Map(Object.entries(options.statusMap ?? {}).map(([word, state]) => [normal(word), state] as const));
  const statusOf = (word: string): ActionStatus | undefined =>
    chosen.get(word) ?? actionStatusWords[word] ?? ((actionStatuses as readonly string[]).includes(word) ? (word as ActionStatus) : undefined);
  const find = (words: string[]) => input.headers.findIndex((h) => matchesWord(h, words));
  const section = find(['teema', 'työpaketti', 'osakokonaisuus', 'tema', 'arbetspaket', 'theme', 'work package', 'section']);
  const action = find(aliases.measure!.concat(aliases.task!));
  const status = find(aliases.status!);
  const start = find(['alkaa', 'aloitus', 'alku', 'start', 'börjar']);
  const end = find(['päättyy', 'valmistuu', 'loppu', 'end', 'slutar', ...aliases.schedule!]);
  const responsible = find(aliases.responsible!);
  const problems: ImportProblem[] = [];
  if (action < 0) problems.push({ row: 1, column: input.headers.join(', '), value: '', message: 'No column for the actions (e.g. "Toimenpide")' });
  input.rows.forEach((row, r) => {
    const word = status >= 0 ? normal(row[status] ?? '') : '';
    if (word && !statusOf(word)) {
      problems.push({ row: r + 2, column: input.headers[status]!, value: row[status]!, message: `"${row[status]}" is not planned, ongoing or done` });
    }
  });
  if (problems.length > 0) throw new ImportError(problems);

  let rowsAdded = 0;
  plan.doc.transact(() => {
    const sectionByTitle = new Map(plan.sectionIds().map((id) => [normal(plan.sectionTitle(id)!.toString()), id]));
    let current = plan.sectionIds()[0];
    for (const row of input.rows) {
      const title = section >= 0 ? row[section] : '';
      if (title) {
        current = sectionByTitle.get(normal(title));
        if (!current) {
          current = plan.addSection({ title });
          sectionByTitle.set(normal(title), current);
        }
      }
      if (!current) current = plan.addSection({ title: 'Toimenpiteet' });
      const text = row[action] ?? '';
      if (!text) continue;
      const word = status >= 0 ? normal(row[status] ?? '') : '';
      plan.addAction(current, {
        text,
        status: statusOf(word) ?? 'planned',
        ...(start >= 0 && row[start] ? { start: row[start] } : {}),
        ...(end >= 0 && row[end] ? { end: row[end] } : {}),
        ...(responsible >= 0 && row[responsible] ? { responsible: row[responsible]!.split(/[,;]/).map((s) => s.trim()).filter(Boolean) } : {}),
      });
      rowsAdded++;
    }
  });
  return { rowsAdded, columnsCreated: [], personalData: personalDataIn(input) };
}
