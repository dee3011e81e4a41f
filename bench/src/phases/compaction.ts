import * as Y from 'yjs';
import { compactUpdates } from '../../../server/src/sync/room.ts';
import { readUpdateLog, type TraceState } from '../trace.ts';

export interface CompactionResult {
  updates: number;
  compactMs: number;
  stateBytes: number;
  loadStateMs: number;
  complete: boolean;
}

/**
 * Our compaction in-process on the B4 trace's raw log (259,778 updates): load into a Y.Doc and
 * encode (what the server does), then load the result as a new client would. `Y.mergeUpdates`
 * over the same log is not timed: it did not finish in three CPU-minutes.
 */
export function runCompaction(trace: TraceState): CompactionResult {
  const updates = readUpdateLog(trace.logFile);
  const started = performance.now();
  const state = compactUpdates(updates);
  const compactMs = performance.now() - started;
  const loadStarted = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const loadStateMs = performance.now() - loadStarted;
  const complete = doc.getText('text').length === trace.endLength;
  doc.destroy();
  return { updates: updates.length, compactMs, stateBytes: state.byteLength, loadStateMs, complete };
}
