/**
 * Presence colours: each keeps at least 4.5:1 contrast with white text (the name tags) and
 * 3:1 with the page background (the cell outlines). Shared by the web app (its own caret) and
 * the server, which sets every awareness state's user colour from the session.
 */
const palette = [
  '#1f5fa8', '#b3261e', '#1d6b35', '#7a4a9c', '#8a5a00', '#00696f',
  '#a23b72', '#3f51b5', '#9c4400', '#5c5f00', '#005a9e',
] as const;

/** A stable colour for a user id (FNV-1a hash into the palette). */
export function colourFor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return palette[(hash >>> 0) % palette.length]!;
}
