/**
 * Characters that render as nothing (soft hyphen, zero-width space and joiners, bidi controls,
 * variation selectors: Unicode's Default_Ignorable_Code_Point). One inside an identity code hides
 * it from a plain search, so detection and purge match text as if they were not there.
 */
const ignorable = /\p{Default_Ignorable_Code_Point}/u;

/** `text` without invisible characters, and for each of its UTF-16 units the index it came from in `text`. */
export interface VisibleText {
  visible: string;
  /** origin[i] is the index in the original text of visible[i]; origin[visible.length] is text.length. */
  origin: Int32Array | undefined;
}

export function visibleText(text: string): VisibleText {
  if (!ignorable.test(text)) return { visible: text, origin: undefined };
  const origin = new Int32Array(text.length + 1);
  let visible = '';
  let length = 0;
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!;
    const units = codePoint > 0xffff ? 2 : 1;
    const char = text.slice(i, i + units);
    if (!ignorable.test(char)) {
      visible += char;
      for (let u = 0; u < units; u++) origin[length++] = i + u;
    }
    i += units;
  }
  origin[length] = text.length;
  return { visible, origin: origin.subarray(0, length + 1) };
}

export const stripInvisible = (text: string): string => visibleText(text).visible;

/**
 * Where `needle` occurs in `text`, ignoring invisible characters in both: non-overlapping
 * [start, end) ranges of the original text, in order, with the invisible characters inside each
 * match included. Linear in the text's length (indexOf from the end of the previous match).
 */
export function findIgnoringInvisible(text: string, needle: string): [start: number, end: number][] {
  const target = stripInvisible(needle);
  if (target.length === 0) return [];
  const { visible, origin } = visibleText(text);
  const ranges: [number, number][] = [];
  for (let at = visible.indexOf(target); at !== -1; at = visible.indexOf(target, at + target.length)) {
    ranges.push(origin ? [origin[at]!, origin[at + target.length - 1]! + 1] : [at, at + target.length]);
  }
  return ranges;
}

/** `text` with every occurrence of `needle` (invisible characters ignored) cut out; and how many. */
export function cutIgnoringInvisible(text: string, needle: string): { text: string; count: number } {
  const ranges = findIgnoringInvisible(text, needle);
  if (ranges.length === 0) return { text, count: 0 };
  let kept = '';
  let from = 0;
  for (const [start, end] of ranges) {
    kept += text.slice(from, start);
    from = end;
  }
  return { text: kept + text.slice(from), count: ranges.length };
}
