import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The `sha256-…` sources of the inline scripts of an HTML page: SvelteKit's single-page build
 * starts the app from one inline script in index.html, which a CSP without 'unsafe-inline' must
 * name by hash. Computed from the built file at start, so a rebuild needs no configuration.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  }
  return hashes;
}

/** The inline-script hashes of the built app's index.html (none when the app is not built). */
export function webAppScriptHashes(buildDir: string): string[] {
  const index = path.join(buildDir, 'index.html');
  return existsSync(index) ? inlineScriptHashes(readFileSync(index, 'utf8')) : [];
}

/**
 * Security headers on every response (hono/secure-headers): a Content-Security-Policy allowing
 * only our own scripts (plus the build's inline start-up script by hash), no framing at all,
 * nosniff, and no Referer (invitation links carry their token in the path).
 * Styles allow 'unsafe-inline': Svelte transitions and the editors set style attributes.
 */
export function securityHeaders(options: { scriptHashes: readonly string[]; https: boolean }) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...options.scriptHashes],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
  });
}
