import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Which server a load generator talks to; Hocuspocus frames differ from y-websocket's. */
export type Target = 'ours' | 'reference' | 'hocuspocus';
export const targets: readonly Target[] = ['ours', 'reference', 'hocuspocus'];

const messageSync = 0;
const messageAwareness = 1;
const messageAuth = 2;
/** Hocuspocus answers a client's step 1 with this type: the body is a sync message. */
const messageSyncReply = 4;
const syncStep1 = 0;
const syncStep2 = 1;
const syncUpdate = 2;

export type Parsed =
  | { kind: 'step1' | 'step2' | 'update' | 'awareness'; payload: Uint8Array }
  | { kind: 'other'; type: number };

/**
 * The two wire framings: y-websocket's (message type first) and Hocuspocus's (document name
 * first, plus an auth message before anything else), for light protocol clients.
 */
export interface Framing {
  /** Frames to send as soon as the socket opens, before sync step 1. */
  hello(): Uint8Array[];
  step1(stateVector: Uint8Array): Uint8Array;
  step2(update: Uint8Array): Uint8Array;
  update(update: Uint8Array): Uint8Array;
  awareness(update: Uint8Array): Uint8Array;
  parse(frame: Uint8Array): Parsed;
}

export function createFraming(target: Target, documentName: string): Framing {
  const addressed = target === 'hocuspocus';
  const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
    const encoder = encoding.createEncoder();
    if (addressed) encoding.writeVarString(encoder, documentName);
    write(encoder);
    return encoding.toUint8Array(encoder);
  };
  const sync = (kind: number, payload: Uint8Array) =>
    frame((encoder) => {
      encoding.writeVarUint(encoder, messageSync);
      encoding.writeVarUint(encoder, kind);
      encoding.writeVarUint8Array(encoder, payload);
    });
  return {
    hello: () =>
      addressed
        ? [
            frame((encoder) => {
              encoding.writeVarUint(encoder, messageAuth);
              encoding.writeVarUint(encoder, 0); // AuthMessageType.Token
              encoding.writeVarString(encoder, '');
            }),
          ]
        : [],
    step1: (stateVector) => sync(syncStep1, stateVector),
    step2: (update) => sync(syncStep2, update),
    update: (update) => sync(syncUpdate, update),
    awareness: (update) =>
      frame((encoder) => {
        encoding.writeVarUint(encoder, messageAwareness);
        encoding.writeVarUint8Array(encoder, update);
      }),
    parse(data) {
      const decoder = decoding.createDecoder(data);
      if (addressed) decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type === messageAwareness) return { kind: 'awareness', payload: decoding.readVarUint8Array(decoder) };
      if (type !== messageSync && !(addressed && type === messageSyncReply)) return { kind: 'other', type };
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === syncStep1) return { kind: 'step1', payload };
      if (sub === syncStep2) return { kind: 'step2', payload };
      if (sub === syncUpdate) return { kind: 'update', payload };
      return { kind: 'other', type };
    },
  };
}
