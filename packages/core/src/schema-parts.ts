/**
 * JSON Schema pieces shared by the config schema, the rule schema and the rule kinds'
 * parameters, so each is written once.
 */

import { CHANNELS } from './categories.js';
import { perChannelSchema } from './per-channel.js';

export const stringList = { type: 'array', items: { type: 'string' } };
export const channel = { enum: [...CHANNELS] };
/** A regular expression, refused when invalid or when it could backtrack catastrophically. */
export const regex = { type: 'string', minLength: 1, preachExpression: 'regex' };
export const regexList = { type: 'array', items: regex };
/** compromise match syntax, refused when unbalanced or naming an unknown tag. */
export const compromisePattern = { type: 'string', preachExpression: 'compromise' };

/** A limit as one number, or one per channel with a default for the others. */
export const perChannelNumber = perChannelSchema({ type: 'number' }, 'A number, or one per channel: {chat: 4, email: 12, default: 8}');
