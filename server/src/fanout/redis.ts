import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { z } from 'zod';
import type { Logger } from '../logger.ts';
import type { ControlMessage, DocumentSubscriber, Fanout } from './ports.ts';

const documentChannel = (documentId: string) => `yhteispaja:doc:${documentId}`;
const controlChannel = 'yhteispaja:control';
const kind = { update: 0, awareness: 1 } as const;
const instanceIdLength = 16;

const controlSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session-ended'), sessionId: z.string() }),
  z.object({ type: z.literal('access-changed'), userId: z.string(), workshopId: z.string() }),
  z.object({ type: z.literal('workshop-erased'), workshopId: z.string() }),
]);

/**
 * Redis pub/sub fan-out. Frames on a document channel are `kind (1 byte) | instance id (16) | payload`;
 * an instance skips its own frames (Redis echoes them to its own subscription).
 */
export async function redisFanout(url: string, logger: Logger): Promise<Fanout> {
  const instanceId = randomBytes(instanceIdLength);
  const publisher = createClient({ url });
  const subscriber = publisher.duplicate();
  const reconnectListeners: (() => void)[] = [];
  const controlListeners: ((message: ControlMessage) => void)[] = [];
  let ready = false;

  for (const [name, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
    client.on('error', (error: unknown) => logger.warn({ err: error, client: name }, 'redis error'));
  }
  subscriber.on('ready', () => {
    // The first 'ready' is the start; any later one follows a lost connection.
    if (ready) for (const listener of reconnectListeners) listener();
    ready = true;
  });
  await Promise.all([publisher.connect(), subscriber.connect()]);

  await subscriber.subscribe(controlChannel, (raw: string) => {
    let parsed: ControlMessage;
    try {
      parsed = controlSchema.parse(JSON.parse(raw));
    } catch {
      logger.warn('ignored a malformed control message');
      return;
    }
    for (const listener of controlListeners) listener(parsed);
  });

  function publish(documentId: string, frameKind: number, payload: Uint8Array): void {
    const frame = Buffer.allocUnsafe(1 + instanceIdLength + payload.byteLength);
    frame[0] = frameKind;
    instanceId.copy(frame, 1);
    frame.set(payload, 1 + instanceIdLength);
    publisher.publish(documentChannel(documentId), frame).catch((error: unknown) => {
      // Others catch up from the store when they reload or reconnect; the edit itself is safe.
      logger.warn({ err: error, documentId }, 'redis publish failed');
    });
  }

  return {
    kind: 'redis',
    async subscribe(documentId, target: DocumentSubscriber) {
      const listener = (frame: Buffer) => {
        if (frame.length < 1 + instanceIdLength) return;
        if (instanceId.equals(frame.subarray(1, 1 + instanceIdLength))) return;
        const payload = new Uint8Array(frame.buffer, frame.byteOffset + 1 + instanceIdLength, frame.length - 1 - instanceIdLength);
        if (frame[0] === kind.update) target.update(payload);
        else if (frame[0] === kind.awareness) target.awareness(payload);
      };
      await subscriber.subscribe(documentChannel(documentId), listener, true);
      return async () => {
        await subscriber.unsubscribe(documentChannel(documentId), listener, true).catch(() => {});
      };
    },
    publishUpdate(documentId, update) {
      publish(documentId, kind.update, update);
    },
    publishAwareness(documentId, update) {
      publish(documentId, kind.awareness, update);
    },
    publishControl(message) {
      publisher.publish(controlChannel, JSON.stringify(message)).catch((error: unknown) => {
        logger.error({ err: error }, 'redis control publish failed; applying locally only');
        for (const listener of controlListeners) listener(message);
      });
    },
    onControl(listener) {
      controlListeners.push(listener);
    },
    onReconnect(listener) {
      reconnectListeners.push(listener);
    },
    async ping() {
      await publisher.ping();
    },
    async close() {
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
