import type { Refuse } from './kind.js';

/** A bound given as one number or per channel (`{chat: 4, email: 12, default: 8}`). */
export type Bound = number | Record<string, number> | undefined;

/** Refuses a rule of a kind that needs a bound when it has none. */
export function requireABound(kindName: string, min: Bound, max: Bound, refuse: Refuse): void {
  if (max === undefined && min === undefined) refuse(['kind'], `${/^[aeiou]/.test(kindName) ? 'an' : 'a'} ${kindName} rule needs \`max\` or \`min\``);
}

/** Refuses bounds no reply could meet: a `min` above the `max` on some channel. */
export function refuseImpossibleBounds(min: Bound, max: Bound, refuse: Refuse): void {
  const channels = new Set([...Object.keys(typeof min === 'object' ? min : {}), ...Object.keys(typeof max === 'object' ? max : {}), 'default']);
  for (const channel of channels) {
    const low = typeof min === 'object' ? (min[channel] ?? min.default) : min;
    const high = typeof max === 'object' ? (max[channel] ?? max.default) : max;
    if (low !== undefined && high !== undefined && low > high) {
      refuse(['min'], `is ${low}${channel !== 'default' && typeof min === 'object' ? ` for ${channel}` : ''}, more than max (${high}): no reply could pass`);
      return;
    }
  }
}

/** `at least 2 and at most 4 on chat, 8 on other channels` */
export function describeBounds(min: unknown, max: unknown): string {
  return [describeBound('at least', min), describeBound('at most', max)].filter(Boolean).join(' and ');
}

function describeBound(label: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return `${label} ${value}`;
  return `${label} ${Object.entries(value as Record<string, number>).map(([channel, n]) => `${n} on ${channel === 'default' ? 'other channels' : channel}`).join(', ')}`;
}
