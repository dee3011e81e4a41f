/**
 * What the sync server and its clients agree on beyond y-protocols.
 * y-protocols uses message types 0 (sync), 1 (awareness), 2 (auth) and 3 (query awareness);
 * ours start at 100 so a stock y-websocket client never mistakes them for its own.
 */
export const messageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Server → client, only to clients that connected with `?acks=1`: the server's state
   * vector after it committed that client's updates to the store. A client's edit is
   * durable once the acknowledged clock of its client id reaches the edit's clock.
   */
  persistedAck: 100,
  /** Server → client: the connection is read-only; updates it sends are dropped. */
  readOnly: 101,
  /**
   * Server → client: the document reached its size ceiling; the update was refused and is not
   * stored. Payload: varUint ceiling in bytes.
   */
  documentTooLarge: 102,
} as const;

/** Query parameter a client sets to receive `persistedAck` messages. */
export const ackQueryParam = 'acks';

/**
 * WebSocket close codes (4000–4999 is the range RFC 6455 leaves to applications). As the stock
 * y-websocket client assumes, 4400–4499 are final (the client stops reconnecting: reconnecting
 * cannot help) and 4500–4599 are transient (the client reconnects with backoff).
 */
export const closeCode = {
  goingAway: 1001,
  /** A frame that is not a valid y-protocols message or Yjs update. Final. */
  malformedMessage: 4400,
  /** The session ended while connected. Final: sign in again. */
  unauthorized: 4401,
  forbidden: 4403,
  /** A frame larger than the server's per-message limit (ws itself closes with 1009 first). Final. */
  messageTooLarge: 4413,
  /** The store could not be reached; reconnect later. */
  storeUnavailable: 4503,
  /**
   * The socket did not read what the server sent (its send buffer passed SYNC_MAX_BUFFERED_BYTES):
   * closed rather than buffered without bound; reconnect and sync again.
   */
  slowConsumer: 4504,
  /** An update depended on content this server does not have yet; reconnect to sync in full. */
  resync: 4509,
  /** The user's role in the workshop changed: reconnect to get the new rights (or a 403 if removed). */
  accessChanged: 4508,
  /** The connection sent more messages than its rate limit allows; reconnect after backoff. */
  rateLimited: 4529,
} as const;
