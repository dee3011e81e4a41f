import { unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * Re-zip an OOXML/ODF package so its bytes depend only on its content: entries in their original
 * order, every entry time set to the snapshot's time (zip stores local time at 2-second steps;
 * fflate writes the Date's local fields, so the process zone is pinned by using UTC-equal fields).
 */
export function zipTime(createdAt: number): Date {
  const utc = new Date(createdAt);
  // A Date whose local fields equal the UTC fields of the snapshot time: same bytes in every time zone.
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), utc.getUTCHours(), utc.getUTCMinutes(), utc.getUTCSeconds());
}

export function rezip(bytes: Uint8Array, createdAt: number, rewrite: (name: string, data: Uint8Array) => Uint8Array = (_n, d) => d): Uint8Array {
  const entries = unzipSync(bytes);
  return zipEntries(
    Object.keys(entries).map((name) => [name, rewrite(name, entries[name]!)] as const),
    createdAt,
  );
}

/** Zip entries in the given order with fixed times; `mimetype` (ODF) is stored uncompressed. */
export function zipEntries(entries: readonly (readonly [string, Uint8Array])[], createdAt: number): Uint8Array {
  const mtime = zipTime(createdAt);
  const files: Zippable = {};
  for (const [name, data] of entries) files[name] = [data, name === 'mimetype' ? { level: 0, mtime } : { level: 6, mtime }];
  return zipSync(files, { mtime });
}
