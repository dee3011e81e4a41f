import type { ControlMessage, Fanout } from './ports.ts';

/** One instance: nothing to fan out to, control messages go straight to local listeners. */
export function localFanout(): Fanout {
  const controlListeners: ((message: ControlMessage) => void)[] = [];
  return {
    kind: 'local',
    async subscribe() {
      return async () => {};
    },
    publishUpdate() {},
    publishAwareness() {},
    publishControl(message) {
      for (const listener of controlListeners) listener(message);
    },
    onControl(listener) {
      controlListeners.push(listener);
    },
    onReconnect() {},
    async ping() {},
    async close() {},
  };
}
