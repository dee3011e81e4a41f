import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Session, SessionStore, User } from '../storage/ports.ts';

/**
 * Sessions as in Lucia's guide: the browser holds a random token; the store holds only its
 * SHA-256, so a leaked database cannot be replayed as cookies. Sessions last 30 days and are
 * renewed when used in their last 15 days.
 */
const day = 24 * 60 * 60 * 1000;
export const sessionLifetimeMs = 30 * day;
const renewWithinMs = 15 * day;

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(sessions: SessionStore, token: string, userId: string, now = Date.now()): Promise<Session> {
  const session: Session = { id: sessionIdFromToken(token), userId, expiresAt: now + sessionLifetimeMs, createdAt: now };
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
  if (now >= session.expiresAt) {
    await sessions.delete(id);
    return undefined;
  }
  if (now >= session.expiresAt - renewWithinMs) {
    session.expiresAt = now + sessionLifetimeMs;
    await sessions.setExpiry(id, session.expiresAt);
    return { session, user, renewed: true };
  }
  return { session, user, renewed: false };
}
