import type { RenderedReport, ReportFormat, ReportInput } from '@yhteispaja/reports';
import { WorkerPool, type PoolOptions } from './pool.ts';

export type RenderReport = (input: ReportInput, format: ReportFormat, locale: 'fi' | 'sv' | 'en') => Promise<RenderedReport>;

/** The report renderer of packages/reports, run on a bounded pool of worker threads. */
export function reportRenderer(options: PoolOptions): { render: RenderReport; close: () => Promise<void> } {
  const pool = new WorkerPool<{ input: ReportInput; format: ReportFormat; locale: 'fi' | 'sv' | 'en' }, RenderedReport>(
    new URL('./render-worker.ts', import.meta.url),
    options,
  );
  return { render: (input, format, locale) => pool.run({ input, format, locale }), close: () => pool.close() };
}
