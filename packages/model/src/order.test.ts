import { describe, expect, it } from 'vitest';
import { compareOrdered, orderKeyAt } from './order.ts';

describe('orderKeyAt', () => {
  it('places keys before, between and after existing items', () => {
    const items = [{ id: 'a', order: 'a0' }, { id: 'b', order: 'a1' }];
    expect(orderKeyAt(items, 0) < 'a0').toBe(true);
    const middle = orderKeyAt(items, 1);
    expect(middle > 'a0' && middle < 'a1').toBe(true);
    expect(orderKeyAt(items, 2) > 'a1').toBe(true);
  });

  it('goes past a run of equal keys instead of failing', () => {
    const items = [{ id: 'a', order: 'a0' }, { id: 'b', order: 'a0' }, { id: 'c', order: 'a1' }];
    const key = orderKeyAt(items, 1);
    expect(key > 'a0' && key < 'a1').toBe(true);
  });

  it('breaks ties by id so every replica sorts alike', () => {
    const sorted = [{ id: 'z', order: 'a0' }, { id: 'm', order: 'a0' }].sort(compareOrdered);
    expect(sorted.map((i) => i.id)).toEqual(['m', 'z']);
  });
});
