import type * as Y from 'yjs';

/**
 * Make a Y.Text read `after` with one delete and one insert around the common prefix and suffix,
 * so that someone else typing elsewhere in the same text at the same time keeps their edit.
 */
export function applyTextDiff(text: Y.Text, after: string): void {
  const before = text.toString();
  if (before === after) return;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const apply = () => {
    if (endBefore > start) text.delete(start, endBefore - start);
    if (endAfter > start) text.insert(start, after.slice(start, endAfter));
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}
