import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
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
  bytes: number;
  updates: number;
  endLength: number;
}

/** Replay the B4 trace into a Y.Doc's 'text' once, and keep its encoded state in bench/.cache. */
export function traceState(): TraceState {
  const file = path.join(cacheDir, 'automerge-paper.v1.bin');
  const trace = JSON.parse(gunzipSync(readFileSync(traceFile)).toString('utf8')) as Trace;
  if (!existsSync(file)) {
    const doc = new Y.Doc();
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
  }
  return { file, bytes: readFileSync(file).byteLength, updates: trace.txns.length, endLength: trace.endContent.length };
}
