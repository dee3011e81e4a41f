import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Env } from '../env.ts';

/** `__Host-session` behind https (Secure, no Domain, Path=/), plain `session` on http for local use. */
export function sessionCookieName(env: Env): string {
  return env.secureCookies ? '__Host-session' : 'session';
}

export function readSessionCookie(c: Context, env: Env): string | undefined {
  return getCookie(c, sessionCookieName(env));
}

export function writeSessionCookie(c: Context, env: Env, token: string, expiresAt: number): void {
  setCookie(c, sessionCookieName(env), token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: env.secureCookies,
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context, env: Env): void {
  deleteCookie(c, sessionCookieName(env), { path: '/', secure: env.secureCookies });
}

/** Read a cookie from a raw Cookie header (the WebSocket upgrade has no Hono context). */
export function cookieFromHeader(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
