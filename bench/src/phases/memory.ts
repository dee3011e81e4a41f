import * as Y from 'yjs';
import { LightClient } from '../client.ts';
import type { Target } from '../framing.ts';
import { ServerProcess } from '../server-process.ts';

export interface MemoryResult {
  documents: number;
  /** Heap after GC per small idle document with its one connection, KiB. */
  heapPerDocumentKiB: number;
  /** Heap after GC per extra connection on one document, KiB. */
  heapPerConnectionKiB: number;
  /** Heap above the baseline `afterSeconds` after every client left, MiB. */
  heapLeftMiB: number;
  afterSeconds: number;
  rssWithDocumentsMiB: number;
  /** Optional: RSS with `capacityConnections` idle connections spread over the documents. */
  capacityConnections: number;
  capacityRssMiB: number;
}

/** A small idle document: about 1 KB of text and a 20-row table. */
function smallDocument(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, 'Tavoitteena on, että jokainen asiakas saa palvelun ajallaan. '.repeat(17));
  const rows = doc.getArray<Y.Map<string>>('rows');
  for (let i = 0; i < 20; i++) rows.push([new Y.Map(Object.entries({ goal: `Tavoite ${i}`, owner: 'Tiimi', status: 'todo' }))]);
  return doc;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectAll(server: ServerProcess, names: string[], withContent: boolean): Promise<LightClient[]> {
  const clients: LightClient[] = [];
  // In batches, so the generator does not open thousands of sockets at once.
  for (let i = 0; i < names.length; i += 100) {
    const batch = names.slice(i, i + 100).map((name) => new LightClient({ ...server.connection(name), ...(withContent ? { doc: smallDocument() } : {}) }));
    await Promise.all(batch.map((client) => client.synced));
    clients.push(...batch);
  }
  return clients;
}

export async function runMemory(target: Target, documents: number, options: { connectionsOnOneDocument: number; capacityConnections: number; afterSeconds: number }): Promise<MemoryResult> {
  const server = new ServerProcess(target);
  try {
    await server.start();
    const names = await server.createDocuments(documents);
    const [single] = await server.createDocuments(1);
    await settle(500);
    const baseline = await server.heapUsed();

    const owners = await connectAll(server, names, true);
    await settle(1500); // the content each client sent is stored and applied
    const withDocuments = await server.heapUsed();
    const rssWithDocumentsMiB = server.rss() / 2 ** 20;

    const watchers = await connectAll(server, Array.from({ length: options.connectionsOnOneDocument }, () => single!), false);
    await settle(500);
    const withConnections = await server.heapUsed();

    let capacityRssMiB = Number.NaN;
    let extra: LightClient[] = [];
    if (options.capacityConnections > 0) {
      const spread = Array.from({ length: options.capacityConnections - owners.length }, (_, i) => names[i % names.length]!);
      extra = await connectAll(server, spread, false);
      await settle(1000);
      capacityRssMiB = server.rss() / 2 ** 20;
    }

    await Promise.all([...owners, ...watchers, ...extra].map((client) => client.close()));
    await settle(options.afterSeconds * 1000);
    const left = await server.heapUsed();
    return {
      documents,
      heapPerDocumentKiB: (withDocuments - baseline) / documents / 1024,
      heapPerConnectionKiB: (withConnections - withDocuments) / options.connectionsOnOneDocument / 1024,
      heapLeftMiB: (left - baseline) / 2 ** 20,
      afterSeconds: options.afterSeconds,
      rssWithDocumentsMiB,
      capacityConnections: options.capacityConnections,
      capacityRssMiB,
    };
  } finally {
    await server.dispose();
  }
}
