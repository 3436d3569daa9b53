import { CHANNELS } from './categories.js';
import type { Channel } from './types.js';

/** A limit given as one number or per channel (`{chat: 4, email: 12, default: 8}`). */
export type PerChannel = number | Partial<Record<Channel | 'default', number>>;

/** The limit that applies on a channel: its own, else `default`. */
export function limitFor(value: PerChannel | undefined | null, channel: Channel | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value;
  return (channel && value[channel] !== undefined ? value[channel] : value.default) ?? undefined;
}

/** JSON Schema of a PerChannel value whose numbers follow `number` (`{type: 'integer', minimum: 1}`). */
export function perChannelSchema(number: Record<string, unknown>, description: string) {
  return {
    anyOf: [
      number,
      {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries([...CHANNELS, 'default'].map((name) => [name, number])),
      },
    ],
    description,
  };
}
