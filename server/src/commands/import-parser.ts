import type { ParsedTable } from '@yhteispaja/import';
import { AppError } from '../errors.ts';
import { WorkerPool, type WorkerReply } from '../reports/pool.ts';

export interface ParseRequest {
  bytes: Uint8Array;
  contentType: string;
}

type ParseResult = { table: ParsedTable } | { problem: { message: string; row: number | undefined; column: number | undefined } };
export type ParseReply = WorkerReply<ParseResult>;

/** Reads an uploaded table into rows; a file that cannot be read is a 422 naming the row and column. */
export type TableParser = (request: ParseRequest) => Promise<ParsedTable>;

/**
 * Uploaded files are parsed in one worker thread with a bounded heap and a time limit: a workbook
 * that lies about its unpacked size, or any parser's worst case, ends that worker (and is answered
 * 422), while every room and request on the event loop carries on.
 */
export function workerTableParser(options: { timeoutMs: number; maxHeapMb: number }): { parse: TableParser; close: () => Promise<void> } {
  const pool = new WorkerPool<ParseRequest, ParseResult>(new URL('./import-worker.ts', import.meta.url), {
    workers: 1,
    maxQueue: 4,
    timeoutMs: options.timeoutMs,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb, maxYoungGenerationSizeMb: 32 },
  });
  return {
    async parse(request) {
      let result: ParseResult;
      try {
        result = await pool.run(request);
      } catch (error) {
        if (error instanceof AppError && error.code === 'busy') {
          throw new AppError('import_busy', 429, 'Other files are being imported; try again shortly', { headers: { 'Retry-After': '5' } });
        }
        if (error instanceof AppError && error.code === 'render_timeout') {
          throw new AppError('unreadable_table', 422, 'Reading the file took too long; is it a very large or damaged workbook?');
        }
        throw new AppError('unreadable_table', 422, 'The file could not be read (it may unpack to too much data, or be damaged)');
      }
      if ('problem' in result) {
        throw new AppError('unreadable_table', 422, result.problem.message, { details: { row: result.problem.row, column: result.problem.column } });
      }
      return result.table;
    },
    close: () => pool.close(),
  };
}
