import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Session, SessionStore, User } from '../storage/ports.ts';

/**
 * Sessions as in Lucia's guide: the browser holds a random token (20 bytes, base32); the store
 * holds only its SHA-256, so a leaked database cannot be replayed as cookies. A session expires
 * after 30 days without use and is renewed when used in its last 15 days, but never past its
 * absolute lifetime (OWASP ASVS 5.0, V7.3: inactivity and absolute timeouts by risk):
 * - guests: 24 hours. A guest came in through a link shown on a projector, on whatever device
 *   was at hand; the workshop day is what the link is for.
 * - admins (system or organisation): 12 hours. Their session can create users and end others'
 *   sessions, so a stolen one must be short-lived; signing in once a working day is the cost.
 * - staff: 90 days. They work in the same workshops for months on their own devices; the 30-day
 *   inactivity timeout ends forgotten sessions well before that.
 */
const hour = 60 * 60 * 1000;
const day = 24 * hour;
export const sessionIdleLifetimeMs = 30 * day;
const renewWithinMs = 15 * day;

export function absoluteLifetimeMs(user: Pick<User, 'isAdmin' | 'organisationRole'>): number {
  if (user.organisationRole === 'guest') return 24 * hour;
  if (user.isAdmin || user.organisationRole === 'admin') return 12 * hour;
  return 90 * day;
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(sessions: SessionStore, token: string, user: User, now = Date.now()): Promise<Session> {
  const absoluteExpiresAt = now + absoluteLifetimeMs(user);
  const session: Session = {
    id: sessionIdFromToken(token),
    userId: user.id,
    expiresAt: Math.min(now + sessionIdleLifetimeMs, absoluteExpiresAt),
    absoluteExpiresAt,
    createdAt: now,
  };
  await sessions.create(session);
  return session;
}

export interface ValidSession {
  session: Session;
  user: User;
  /** True when the expiry moved, so the cookie should be sent again. */
  renewed: boolean;
}

export async function validateSessionToken(sessions: SessionStore, token: string, now = Date.now()): Promise<ValidSession | undefined> {
  const id = sessionIdFromToken(token);
  const found = await sessions.get(id);
  if (!found) return undefined;
  const { session, user } = found;
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt) {
    await sessions.delete(id);
    return undefined;
  }
  const renewed = Math.min(now + sessionIdleLifetimeMs, session.absoluteExpiresAt);
  if (now >= session.expiresAt - renewWithinMs && renewed > session.expiresAt) {
    session.expiresAt = renewed;
    await sessions.setExpiry(id, renewed);
    return { session, user, renewed: true };
  }
  return { session, user, renewed: false };
}
