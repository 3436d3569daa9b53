import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/bounded-cache.js';

/** What the cache keeps, said the plainest way: the map's first key is the oldest. */
class Reference<K, V> {
  readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}
  set(key: K, value: V): V {
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}

describe('BoundedCache', () => {
  it('keeps at most its limit, letting the oldest go first, new keys and known ones alike', () => {
    let seed = 11;
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    let differ = 0;
    for (const limit of [1, 2, 3, 7, 50]) {
      const cache = new BoundedCache<string, number>(limit);
      const reference = new Reference<string, number>(limit);
      const keys = Array.from({ length: limit * 3 }, (_, i) => `k${i}`);
      for (let step = 0; step < 2000; step++) {
        const key = keys[random(keys.length)]!;
        if (cache.set(key, step) !== reference.set(key, step)) differ++;
        for (const k of keys) if (cache.get(k) !== reference.entries.get(k)) differ++;
      }
    }
    expect(differ).toBe(0);
  });
});
