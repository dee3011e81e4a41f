import { unzipSync } from 'fflate';
import { TableParseError } from './table.ts';

/** What a workbook may unpack to. Tables people keep in Excel unpack to well under a megabyte. */
export const xlsxLimits = {
  /** Declared unpacked size of all entries together. */
  maxUnpackedBytes: 50 * 1024 * 1024,
  /** Entries in the archive (a workbook has a dozen or two). */
  maxEntries: 1000,
};

/**
 * Refuse an .xlsx (a zip archive) whose central directory declares more than the limits, before
 * anything is inflated: fflate reads the central directory and asks `filter` about each entry,
 * which answers "do not extract". A zip bomb (300 KB that unpacks to 300 MB) stops here.
 * An archive that lies about its sizes is caught by the parsing worker's memory limit instead.
 */
export function checkDeclaredSizes(bytes: Uint8Array, limits = xlsxLimits): void {
  let entries = 0;
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        unpacked += file.originalSize;
        if (entries > limits.maxEntries) throw new TableParseError(`The workbook has more than ${limits.maxEntries} parts`);
        if (unpacked > limits.maxUnpackedBytes) {
          throw new TableParseError(`The workbook unpacks to more than ${limits.maxUnpackedBytes / 1024 / 1024} MB`);
        }
        return false;
      },
    });
  } catch (error) {
    if (error instanceof TableParseError) throw error;
    throw new TableParseError(`Not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
}
