import { describe, expect, it } from 'vitest';
import { localFanout } from '../fanout/local.ts';
import { createLogger } from '../logger.ts';
import { SyncMetrics } from '../metrics.ts';
import type { Connection } from './connection.ts';
import type { Room } from './room.ts';
import { RoomRegistry } from './rooms.ts';

describe('the connections gauge (issue #8, finding 11)', () => {
  it('does not drift when a join fails: the failed socket is neither counted in nor out', async () => {
    const metrics = new SyncMetrics();
    const registry = new RoomRegistry(
      { log: {} as never, attribution: {} as never, checkpoints: {} as never, fanout: localFanout(), logger: createLogger('silent'), metrics },
      { maxDocumentBytes: 1024, maxDepth: 64, idleMs: 60_000 },
    );
    const connections = new Set<Connection>();
    const room = {
      documentId: 'd',
      connections,
      join(connection: Connection) {
        connections.add(connection);
        throw new RangeError('Maximum call stack size exceeded');
      },
      leave: (connection: Connection) => connections.delete(connection),
      checkpointNow: async () => undefined,
      flush: async () => undefined,
    } as unknown as Room;
    const connection = { sessionId: 's', userId: 'u', workshopId: 'w' } as Connection;

    expect(() => registry.attach(room, connection)).toThrow(RangeError);
    // The socket closes afterwards, as a failed join's socket does.
    registry.detach(room, connection);
    expect((await metrics.connections.get()).values[0]?.value ?? 0).toBe(0);
  });
});
