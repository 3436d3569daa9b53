import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { ajv, CHANNELS, LANGUAGE_PATTERN, validateLocated } from '@preach/core';
import type { SetContextParams } from './protocol.js';

const textOrNull = { type: ['string', 'null'] };

/** `preach/setContext` parameters; `null` clears a field, an absent field keeps it. */
const setContextSchema = {
  type: 'object',
  required: ['uri', 'context'],
  properties: {
    uri: { type: 'string', minLength: 1 },
    context: {
      type: 'object',
      additionalProperties: false,
      properties: {
        customerName: textOrNull,
        customerMessage: textOrNull,
        situation: textOrNull,
        channel: { enum: [...CHANNELS, null] },
        agentName: textOrNull,
        tags: { type: ['array', 'null'], items: { type: 'string' } },
        language: { anyOf: [{ type: 'string', pattern: LANGUAGE_PATTERN }, { type: 'null' }] },
        customerTitle: { enum: ['mr', 'ms', null] },
        // Earlier turns of the conversation, oldest first (what a help-desk page knows).
        thread: {
          type: ['array', 'null'],
          items: { type: 'object', required: ['role', 'text'], additionalProperties: false, properties: { role: { enum: ['customer', 'agent'] }, text: { type: 'string' } } },
        },
      },
    },
  },
};

let validateSetContext: ReturnType<typeof ajv.compile> | undefined;

/** The parameters, or an InvalidParams error naming each bad field and what it takes. */
export function checkSetContextParams(params: unknown): SetContextParams {
  const errors = validateLocated((validateSetContext ??= ajv.compile(setContextSchema)), {
    value: params ?? null,
    file: 'preach/setContext',
    // Parameters have no lines; errors name the field instead.
    locate: () => ({ line: 0, column: 0 }),
  });
  if (errors.length === 0) return params as SetContextParams;
  const problems = errors.map((error) => `${error.key}: ${error.message}${error.hint ? ` (${error.hint})` : ''}`);
  throw new ResponseError(ErrorCodes.InvalidParams, `preach/setContext: ${problems.join('; ')}`);
}
