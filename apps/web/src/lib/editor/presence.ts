import type { Awareness } from 'y-protocols/awareness';

/** What each client publishes in its awareness state. */
export interface PresenceUser {
  id: string;
  name: string;
  /** `#rrggbb`: y-prosemirror carets accept six-digit hex only. */
  color: string;
}

export interface CellRef {
  rowId: string;
  columnId: string;
}

export interface Peer {
  clientId: number;
  user: PresenceUser;
  cell: CellRef | null;
}

/** A stable colour for a user id; the server sets the same one on every awareness state. */
export { colourFor } from '@yhteispaja/model';

export function cellKey(cell: CellRef): string {
  return `${cell.rowId}\u0000${cell.columnId}`;
}

/** Other clients' presence, sorted by name; states without a valid user are skipped. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = parseUser((state as Record<string, unknown>)['user']);
    if (!user) continue;
    peers.push({ clientId, user, cell: parseCell((state as Record<string, unknown>)['cell']) });
  }
  return peers.sort((a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId);
}

function parseUser(value: unknown): PresenceUser | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, color } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return null;
  return {
    id: typeof id === 'string' ? id : name,
    name: name.slice(0, 80),
    color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#4a5565',
  };
}

function parseCell(value: unknown): CellRef | null {
  if (typeof value !== 'object' || value === null) return null;
  const { rowId, columnId } = value as Record<string, unknown>;
  return typeof rowId === 'string' && typeof columnId === 'string' ? { rowId, columnId } : null;
}

/** The user this page publishes in the awareness (set by the document session), if any. */
export function localUser(awareness: Awareness | undefined): PresenceUser | undefined {
  const user = awareness?.getLocalState()?.['user'] as Partial<PresenceUser> | undefined;
  if (!user || typeof user.name !== 'string') return undefined;
  return { id: String(user.id ?? user.name), name: user.name, color: typeof user.color === 'string' ? user.color : '#4a5565' };
}
