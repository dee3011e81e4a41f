import { TableParseError } from './table.ts';

/**
 * Text of an uploaded file. A charset other than UTF-8 named in the Content-Type is honoured; otherwise a UTF-8 or
 * UTF-16 byte-order mark decides, then bytes that are valid UTF-8 are read as UTF-8, and anything
 * else as Windows-1252: what Excel's "CSV (Windows)" and older Word exports in Finland are written
 * in (ä = 0xE4, ö = 0xF6), which would otherwise turn into replacement characters.
 */
export function decodeText(bytes: Uint8Array, contentType: string): string {
  const declared = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
  // "utf-8" is often sent by habit, whatever the file holds: it is sniffed like no charset at all.
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(declared, { fatal: true });
    } catch {
      throw new TableParseError(`Unknown character set "${declared}": save the file as UTF-8`);
    }
    try {
      return stripBom(decoder.decode(bytes));
    } catch {
      throw new TableParseError(`The file is not valid ${declared}: save it as UTF-8`);
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return stripBom(new TextDecoder('utf-16le').decode(bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return stripBom(new TextDecoder('utf-16be').decode(bytes));
  try {
    return stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const stripBom = (text: string) => text.replace(/^\uFEFF/, '');
