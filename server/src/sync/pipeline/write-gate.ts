import type { ReceiveStep } from './types.ts';
import { updateOf } from './types.ts';

/**
 * Drop updates from a connection that may not write now. The decision is the connection's own
 * `canWrite(update)`, asked per update, so it can follow live state (roles today; document,
 * section and column locks later) while the socket stays open.
 */
export const writeGate: ReceiveStep = {
  name: 'write-gate',
  receive(context) {
    const { room, connection } = context;
    if (connection.canWrite(updateOf(context))) return 'continue';
    room.deps.metrics.refused.inc({ reason: 'read-only' });
    room.tellReadOnly(connection);
    return 'stop';
  },
};
