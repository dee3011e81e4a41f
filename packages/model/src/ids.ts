/** A random id for rows, columns and other items; short enough for logs, unique enough for a document. */
export function newItemId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += byte.toString(36).padStart(2, '0');
  return out;
}
