import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageType } from '@yhteispaja/model';
import { MalformedMessageError, type ReceiveStep, type SyncMessage } from './types.ts';

/** Read the y-websocket envelope: message type, sync kind and the payload's bytes (not yet parsed). */
export const decode: ReceiveStep = {
  name: 'decode',
  receive(context) {
    context.message = decodeFrame(context.frame);
    return 'continue';
  },
};

export function decodeFrame(frame: Uint8Array): SyncMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === messageType.awareness) return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    if (type === messageType.queryAwareness) return { kind: 'query-awareness' };
    if (type !== messageType.sync) throw new MalformedMessageError(`unknown message type ${type}`);
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) return { kind: 'sync-step-1', stateVector: decoding.readVarUint8Array(decoder) };
    if (kind === syncProtocol.messageYjsSyncStep2 || kind === syncProtocol.messageYjsUpdate) {
      return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
    }
    throw new MalformedMessageError(`unknown sync message ${kind}`);
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}
