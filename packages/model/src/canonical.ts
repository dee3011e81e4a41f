import { sha256 } from '@oslojs/crypto/sha2';

/**
 * JSON with object keys sorted and no whitespace, so equal content gives equal bytes whatever
 * order keys were written in. Iterative (deep values cannot overflow the stack). Like
 * JSON.stringify, `undefined` and functions in objects are left out, and in arrays become null;
 * non-finite numbers become null.
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  type Frame = { kind: 'value'; value: unknown; inArray: boolean } | { kind: 'text'; text: string };
  const stack: Frame[] = [{ kind: 'value', value, inArray: true }];
  const open = new Set<object>();
  const closing: object[] = [];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.kind === 'text') {
      if (frame.text === ']' || frame.text === '}') open.delete(closing.pop()!);
      parts.push(frame.text);
      continue;
    }
    let current = frame.value;
    if (current !== null && typeof current === 'object' && typeof (current as { toJSON?: unknown }).toJSON === 'function') {
      current = (current as { toJSON: () => unknown }).toJSON();
    }
    if (current === undefined || typeof current === 'function' || typeof current === 'symbol') {
      parts.push('null');
      continue;
    }
    if (current === null || typeof current === 'boolean' || typeof current === 'string') {
      parts.push(JSON.stringify(current));
      continue;
    }
    if (typeof current === 'number') {
      parts.push(Number.isFinite(current) ? JSON.stringify(current) : 'null');
      continue;
    }
    if (typeof current === 'bigint') throw new TypeError('canonicalJson: BigInt cannot be serialised');
    const object = current as object;
    if (open.has(object)) throw new TypeError('canonicalJson: circular structure');
    open.add(object);
    closing.push(object);
    if (Array.isArray(object)) {
      parts.push('[');
      stack.push({ kind: 'text', text: ']' });
      for (let i = object.length - 1; i >= 0; i--) {
        stack.push({ kind: 'value', value: object[i], inArray: true });
        if (i > 0) stack.push({ kind: 'text', text: ',' });
      }
      continue;
    }
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => {
        const v = record[key];
        return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
      })
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    parts.push('{');
    stack.push({ kind: 'text', text: '}' });
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ kind: 'value', value: record[key], inArray: false });
      stack.push({ kind: 'text', text: `${i > 0 ? ',' : ''}${JSON.stringify(key)}:` });
    }
  }
  return parts.join('');
}

const hex = '0123456789abcdef';

/** SHA-256 as lowercase hex; strings are hashed as UTF-8. Works in the browser and in Node. */
export function sha256Hex(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const digest = sha256(bytes);
  let out = '';
  for (const byte of digest) out += hex[byte >> 4]! + hex[byte & 15]!;
  return out;
}
