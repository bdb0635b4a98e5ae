/**
 * The report cache: one computation per key and data version, dropped when the version moves, errors not
 * kept, and beyond its size the least recently used entry goes (a value every request uses stays).
 */
import { describe, expect, it } from 'vitest';
import { ReportCache } from '../../src/server/cache';

describe('ReportCache', () => {
  it('computes a key once per data version, and again after the version moved', async () => {
    const cache = new ReportCache();
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    expect(await Promise.all([cache.get(1, 'a', compute), cache.get(1, 'a', compute)])).toEqual([1, 1]);
    expect(await cache.get(2, 'a', compute)).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('computes for a caller that read an older version without keeping it or dropping the newer entries', async () => {
    const cache = new ReportCache();
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    expect(await cache.get(2, 'a', compute)).toBe(1);
    expect(await cache.get(1, 'a', compute)).toBe(2); // read before an import: computed, not kept
    expect(await cache.get(2, 'a', compute)).toBe(1); // the newer entry is still there
    expect(cache.has(1, 'a')).toBe(false);
    expect(cache.has(2, 'a')).toBe(true);
  });

  it('counts answers computed in the background apart, and a request for one as a hit', async () => {
    const cache = new ReportCache();
    const warmed = await cache.lookup(1, 'a', () => Promise.resolve('x'), 'warm');
    expect(warmed).toEqual({ value: 'x', hit: false });
    expect(await cache.lookup(1, 'a', () => Promise.resolve('y'), 'answer')).toEqual({
      value: 'x',
      hit: true,
    });
    expect([cache.warmed, cache.hits, cache.misses]).toEqual([1, 1, 0]);
  });

  it('keeps no error', async () => {
    const cache = new ReportCache();
    await expect(cache.get(1, 'a', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.get(1, 'a', () => Promise.resolve('yes'))).toBe('yes');
  });

  it('drops the least recently used entry beyond its size', async () => {
    const cache = new ReportCache(2);
    let runs = 0;
    const compute = () => Promise.resolve(++runs);
    await cache.get(1, 'fit', compute); // 1
    await cache.get(1, 'page 1', compute); // 2
    await cache.get(1, 'fit', compute); // hit: the fit is now the most recent
    await cache.get(1, 'page 2', compute); // 3: page 1 goes, not the fit
    expect(await cache.get(1, 'fit', compute)).toBe(1);
    expect(await cache.get(1, 'page 1', compute)).toBe(4);
  });
});
