import path from 'node:path';
import * as Y from 'yjs';
import { LightClient } from '../client.ts';
import type { Target } from '../framing.ts';
import { ServerProcess } from '../server-process.ts';
import type { TraceState } from '../trace.ts';

export interface ColdLoadResult {
  store: 'sqlite' | 'postgres';
  coldMs: number;
  warmMs: number;
  complete: boolean;
}

/** Time from a new client's connect to holding the whole text. */
async function loadOnce(server: ServerProcess, documentName: string, endLength: number): Promise<{ ms: number; client: LightClient; complete: boolean }> {
  const started = performance.now();
  const client = new LightClient({ ...server.connection(documentName), doc: new Y.Doc(), integrate: true });
  await client.synced;
  const text = client.doc!.getText('text');
  const deadline = performance.now() + 30_000;
  while (text.length < endLength && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
  return { ms: performance.now() - started, client, complete: text.length === endLength };
}

/**
 * The B4 trace stored once as one state row in the server's store; restart the server so the
 * document is cold, then a client connects (cold), and a second while the first stays (warm).
 */
export async function runColdLoad(target: Target, trace: TraceState, store: 'sqlite' | 'postgres'): Promise<ColdLoadResult> {
  const seeding = new ServerProcess(target, { postgres: store === 'postgres' });
  const peerSqlite = target === 'ours' ? undefined : path.join(seeding.dataDir, 'peer.sqlite');
  const options = { postgres: store === 'postgres', dataDir: seeding.dataDir, ...(seeding.schema ? { schema: seeding.schema } : {}), ...(peerSqlite ? { peerSqlite } : {}) };
  const first = new ServerProcess(target, options);
  await first.start();
  const [documentName] = await first.createDocuments(1);
  await first.seed(documentName!, trace.file);
  await first.stop();
  const server = new ServerProcess(target, options);
  try {
    await server.start();
    const cold = await loadOnce(server, documentName!, trace.endLength);
    const warm = await loadOnce(server, documentName!, trace.endLength);
    await Promise.all([cold.client.close(), warm.client.close()]);
    return { store, coldMs: cold.ms, warmMs: warm.ms, complete: cold.complete && warm.complete };
  } finally {
    await server.dispose();
  }
}
