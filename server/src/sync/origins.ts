/** Origin of changes that came from another instance: relayed to local sockets, never published back. */
export const remoteOrigin = Symbol('remote');
