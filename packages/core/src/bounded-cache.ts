/**
 * Results remembered for the texts seen last: a map that holds at most `limit` entries and lets
 * the oldest go when a new one comes, so a long batch of replies cannot grow it without end.
 *
 * The keys are also kept in a ring, oldest first, so the oldest is found at once: asking the
 * map for its first key walks past every entry deleted since it last compacted its table, which
 * made each `set` on a full cache cost time in proportion to the cache's size (21 µs for 20,000
 * entries).
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  /** The keys in the order they came in (the map's own order): `order[head]` is the oldest. */
  private readonly order: Array<K | undefined>;
  private head = 0;

  constructor(private readonly limit: number) {
    this.order = new Array<K | undefined>(Math.max(1, limit));
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Remembers `value` for `key`, and returns it. */
  set(key: K, value: V): V {
    if (this.entries.size >= this.limit) {
      this.entries.delete(this.order[this.head]!);
      this.order[this.head] = undefined;
      this.head = (this.head + 1) % this.order.length;
    }
    if (!this.entries.has(key)) this.order[(this.head + this.entries.size) % this.order.length] = key;
    this.entries.set(key, value);
    return value;
  }
}
