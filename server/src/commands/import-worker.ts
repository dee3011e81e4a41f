import { parentPort } from 'node:worker_threads';
import { parseTableFile, TableParseError } from '@yhteispaja/import';
import type { ParseReply, ParseRequest } from './import-parser.ts';

/** Reads uploaded tables off the event loop (see import-parser.ts). */
parentPort!.on('message', async ({ bytes, contentType }: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { ok: true, result: { table: await parseTableFile(bytes, contentType) } };
  } catch (error) {
    reply = error instanceof TableParseError
      ? { ok: true, result: { problem: { message: error.message, row: error.row, column: error.column } } }
      : { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(reply);
});
