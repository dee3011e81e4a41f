import { parentPort } from 'node:worker_threads';
import { renderReport, type RenderedReport, type ReportFormat, type ReportInput } from '@yhteispaja/reports';

/** One report per message, on this worker thread: the server's event loop never renders. */
parentPort!.on('message', (job: { input: ReportInput; format: ReportFormat; locale: 'fi' | 'sv' | 'en' }) => {
  renderReport(job.input, job.format, job.locale).then(
    (report: RenderedReport) => parentPort!.postMessage({ ok: true, result: report }, [report.bytes.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
