import type { Locale, MeasureSummary } from '@yhteispaja/model';
import type { DashboardWorkshop } from './history-api.ts';
import { toCsv } from './csv.ts';

/** "Table – Column (Period)": how a measure is named on the dashboard and in its files. */
export function measureTitle(measure: Pick<MeasureSummary, 'title' | 'columnTitle' | 'periodLabel'>): string {
  return `${measure.title} – ${measure.columnTitle}${measure.periodLabel ? ` (${measure.periodLabel})` : ''}`;
}

export interface DashboardCsvHeaders {
  workshop: string;
  version: string;
  measure: string;
  step: string;
  count: string;
  unset: string;
  movedUp: string;
  movedDown: string;
}

/** The dashboard's data as one long table: a line per workshop, measure and step. */
export function dashboardCsv(workshops: readonly DashboardWorkshop[], locale: Locale, headers: DashboardCsvHeaders): string {
  const rows: (string | number | null)[][] = [
    [headers.workshop, headers.version, headers.measure, headers.step, headers.count],
  ];
  for (const workshop of workshops) {
    const version = workshop.latest ? `v${workshop.latest.version} ${workshop.latest.label}` : null;
    for (const measure of workshop.measures) {
      const title = measureTitle(measure);
      for (const { key, count } of measure.counts) {
        const label = measure.scale.steps.find((s) => s.key === key)?.label[locale] ?? key;
        rows.push([workshop.title, version, title, label, count]);
      }
      rows.push([workshop.title, version, title, headers.unset, measure.unset]);
      if (workshop.previous) {
        rows.push([workshop.title, version, title, headers.movedUp, measure.movedUp]);
        rows.push([workshop.title, version, title, headers.movedDown, measure.movedDown]);
      }
    }
  }
  return toCsv(rows);
}
