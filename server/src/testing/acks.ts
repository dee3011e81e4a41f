import { expect } from 'vitest';
import * as Y from 'yjs';
import { eventually } from './server.ts';
import type { connectProvider } from './sync-client.ts';

/** Wait until the server has acknowledged every edit of `client` as stored (the client connected with acks). */
export async function allStored(client: ReturnType<typeof connectProvider>): Promise<void> {
  const clock = Y.decodeStateVector(Y.encodeStateVector(client.doc)).get(client.doc.clientID) ?? 0;
  await eventually(() => {
    const acked = client.acks.at(-1);
    expect(acked ? (Y.decodeStateVector(acked).get(client.doc.clientID) ?? 0) : 0).toBe(clock);
  });
}
