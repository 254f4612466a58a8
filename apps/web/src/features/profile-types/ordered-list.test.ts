import { describe, expect, it } from 'vitest';
import { moved, without } from './ordered-list.ts';

describe('moved', () => {
  it('swaps an item with its neighbour before or after it', () => {
    expect(moved(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it is past either end, without changing the one given', () => {
    const items = ['a', 'b'];
    expect(moved(items, 0, -1)).toEqual(['a', 'b']);
    expect(moved(items, 1, 1)).toEqual(['a', 'b']);
    expect(moved(items, 0, 1)).not.toBe(items);
    expect(items).toEqual(['a', 'b']);
  });
});

describe('without', () => {
  it('drops the item at the index only', () => {
    expect(without(['a', 'b', 'a'], 2)).toEqual(['a', 'b']);
    expect(without(['a'], 3)).toEqual(['a']);
  });
});
