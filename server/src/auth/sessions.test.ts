import { describe, expect, it } from 'vitest';
import type { Session, SessionStore, User } from '../storage/ports.ts';
import { absoluteLifetimeMs, createSession, generateSessionToken, sessionIdFromToken, validateSessionToken } from './sessions.ts';

const hour = 3_600_000;
const day = 24 * hour;

function memoryStore(user: User): SessionStore & { sessions: Map<string, Session> } {
  const sessions = new Map<string, Session>();
  return {
    sessions,
    async create(session) {
      sessions.set(session.id, { ...session });
    },
    async get(id) {
      const session = sessions.get(id);
      return session ? { session: { ...session }, user } : undefined;
    },
    async setExpiry(id, expiresAt) {
      sessions.get(id)!.expiresAt = expiresAt;
    },
    async delete(id) {
      sessions.delete(id);
    },
    async deleteForUser() {
      return [];
    },
    async listForUser() {
      return [...sessions.values()];
    },
  };
}

const staff: User = { id: 'u', organisationId: 'o', email: 'a@example.com', name: 'A', isAdmin: false, organisationRole: 'member', guestWorkshopId: null, guestInviteId: null, createdAt: 0 };

describe('sessions', () => {
  it('stores only the SHA-256 of a 20-byte token', async () => {
    const store = memoryStore(staff);
    const token = generateSessionToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    await createSession(store, token, staff, 0);
    expect([...store.sessions.keys()]).toEqual([sessionIdFromToken(token)]);
    expect(sessionIdFromToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('expires after 30 idle days and renews only in the last 15', async () => {
    const store = memoryStore(staff);
    const token = generateSessionToken();
    await createSession(store, token, staff, 0);
    expect(await validateSessionToken(store, token, 10 * day)).toMatchObject({ renewed: false });
    const renewed = await validateSessionToken(store, token, 20 * day);
    expect(renewed).toMatchObject({ renewed: true, session: { expiresAt: 50 * day } });
    expect(await validateSessionToken(store, token, 81 * day)).toBeUndefined();
    expect(store.sessions.size).toBe(0);
  });

  it('never outlives the absolute lifetime, which is shorter for admins and guests', async () => {
    expect(absoluteLifetimeMs(staff)).toBe(90 * day);
    expect(absoluteLifetimeMs({ ...staff, organisationRole: 'admin' })).toBe(12 * hour);
    expect(absoluteLifetimeMs({ ...staff, isAdmin: true })).toBe(12 * hour);
    expect(absoluteLifetimeMs({ ...staff, organisationRole: 'guest' })).toBe(24 * hour);

    const store = memoryStore(staff);
    const token = generateSessionToken();
    await createSession(store, token, staff, 0);
    // Used every 20 days, the session keeps renewing, but not past 90 days.
    for (const at of [20, 40, 60, 80]) expect(await validateSessionToken(store, token, at * day)).toBeDefined();
    expect((await validateSessionToken(store, token, 89 * day))!.session.expiresAt).toBe(90 * day);
    expect(await validateSessionToken(store, token, 90 * day)).toBeUndefined();

    const guest = { ...staff, organisationRole: 'guest' as const };
    const guestStore = memoryStore(guest);
    const guestToken = generateSessionToken();
    await createSession(guestStore, guestToken, guest, 0);
    expect(await validateSessionToken(guestStore, guestToken, 23 * hour)).toBeDefined();
    expect(await validateSessionToken(guestStore, guestToken, 24 * hour)).toBeUndefined();
  });
});
