/**
 * Results remembered for the texts seen last: a map that holds at most `limit` entries and lets
 * the oldest go when a new one comes, so a long batch of replies cannot grow it without end.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Remembers `value` for `key`, and returns it. */
  set(key: K, value: V): V {
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}
