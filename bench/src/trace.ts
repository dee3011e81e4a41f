import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The shared data sit beside the repository (CI's clone has shared/ next to it). */
export const traceFile = path.resolve(repoRoot, '../shared/bench-data/automerge-paper.json.gz');
const cacheDir = path.join(repoRoot, 'bench/.cache');

interface Trace {
  startContent: string;
  endContent: string;
  txns: { patches: [position: number, deleted: number, inserted: string][] }[];
}

export interface TraceState {
  /** A file holding the trace's final state as one V1 update. */
  file: string;
  /** A file holding every transaction's own update (the raw log), see readUpdateLog. */
  logFile: string;
  bytes: number;
  updates: number;
  endLength: number;
}

/** Replay the B4 trace into a Y.Doc's 'text' once, and keep its encoded state in bench/.cache. */
export function traceState(): TraceState {
  const file = path.join(cacheDir, 'automerge-paper.v1.bin');
  const logFile = path.join(cacheDir, 'automerge-paper.log.bin');
  const trace = JSON.parse(gunzipSync(readFileSync(traceFile)).toString('utf8')) as Trace;
  if (!existsSync(file) || !existsSync(logFile)) {
    const doc = new Y.Doc();
    const log = encoding.createEncoder();
    doc.on('update', (update: Uint8Array) => encoding.writeVarUint8Array(log, update));
    const text = doc.getText('text');
    if (trace.startContent) text.insert(0, trace.startContent);
    for (const txn of trace.txns) {
      doc.transact(() => {
        for (const [position, deleted, inserted] of txn.patches) {
          if (deleted > 0) text.delete(position, deleted);
          if (inserted) text.insert(position, inserted);
        }
      });
    }
    if (text.toString() !== trace.endContent) throw new Error('the B4 trace replayed to a different text');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(file, Y.encodeStateAsUpdate(doc));
    writeFileSync(logFile, encoding.toUint8Array(log));
  }
  return { file, logFile, bytes: readFileSync(file).byteLength, updates: trace.txns.length, endLength: trace.endContent.length };
}

/** The raw log written by traceState: one update per transaction of the trace. */
export function readUpdateLog(logFile: string): Uint8Array[] {
  const decoder = decoding.createDecoder(readFileSync(logFile));
  const updates: Uint8Array[] = [];
  while (decoding.hasContent(decoder)) updates.push(decoding.readVarUint8Array(decoder));
  return updates;
}
