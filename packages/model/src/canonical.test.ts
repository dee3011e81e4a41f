import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from './canonical.ts';

describe('canonicalJson', () => {
  it('does not depend on key order, at any depth', () => {
    const a = { b: 1, a: [{ y: 'ä', x: null }, 2], c: { e: true, d: 'Å' } };
    const b = { c: { d: 'Å', e: true }, a: [{ x: null, y: 'ä' }, 2], b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":[{"x":null,"y":"ä"},2],"b":1,"c":{"d":"Å","e":true}}');
  });

  it('keeps array order and follows JSON.stringify for undefined and non-finite numbers', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN] })).toBe('{"b":[null,null]}');
    expect(canonicalJson('"\n')).toBe(JSON.stringify('"\n'));
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('walks 100,000 levels without overflowing the stack and refuses cycles', () => {
    let deep: unknown = 'pohja';
    for (let i = 0; i < 100_000; i++) deep = { k: deep };
    expect(canonicalJson(deep).length).toBe(100_000 * 6 + 7);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });
});

describe('sha256Hex', () => {
  it('hashes strings as UTF-8 and bytes as they are', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(new TextEncoder().encode('äö'))).toBe(sha256Hex('äö'));
  });
});
