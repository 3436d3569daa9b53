import { scoreReply, type ScoringConfig } from '@preach/core';
import type { CheckOutcome, PlainMessage } from './checker.js';
import type { DraftIgnores, IgnoredFinding } from './protocol.js';

/** How much text either side of a finding identifies it (within its line). */
const CONTEXT_CHARS = 20;

export const NO_IGNORES: DraftIgnores = { rules: [], findings: [] };

/** The key of the finding at `start`–`end`: its rule, the flagged text and a little around it. */
export function findingKey(text: string, ruleId: string, start: number, end: number): IgnoredFinding {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  return {
    ruleId,
    text: text.slice(start, end),
    before: text.slice(Math.max(lineStart, start - CONTEXT_CHARS), start),
    after: text.slice(end, Math.min(lineEnd, end + CONTEXT_CHARS)),
  };
}

export function isIgnored(message: Pick<PlainMessage, 'ruleId' | 'start' | 'end'>, text: string, ignores: DraftIgnores): boolean {
  if (ignores.rules.includes(message.ruleId)) return true;
  if (ignores.findings.length === 0) return false;
  const key = findingKey(text, message.ruleId, message.start, message.end);
  return ignores.findings.some((f) => f.ruleId === key.ruleId && f.text === key.text && f.before === key.before && f.after === key.after);
}

export function withRule(ignores: DraftIgnores, ruleId: string): DraftIgnores {
  return ignores.rules.includes(ruleId) ? ignores : { ...ignores, rules: [...ignores.rules, ruleId] };
}

export function withFinding(ignores: DraftIgnores, finding: IgnoredFinding): DraftIgnores {
  const known = ignores.findings.some((f) => f.ruleId === finding.ruleId && f.text === finding.text && f.before === finding.before && f.after === finding.after);
  return known ? ignores : { ...ignores, findings: [...ignores.findings, finding] };
}

export function isEmpty(ignores: DraftIgnores): boolean {
  return ignores.rules.length === 0 && ignores.findings.length === 0;
}

/** A finding key from a client, or undefined when it is not one. */
export function asFinding(value: unknown): IgnoredFinding | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { ruleId, text, before, after } = value as Record<string, unknown>;
  if (typeof ruleId !== 'string' || !ruleId || typeof text !== 'string' || typeof before !== 'string' || typeof after !== 'string') return undefined;
  return { ruleId, text, before, after };
}

/** A draft's ignores from a client (initializationOptions), or undefined when malformed. */
export function asDraftIgnores(value: unknown): DraftIgnores | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { rules, findings } = value as Record<string, unknown>;
  if (!Array.isArray(rules) || !rules.every((r) => typeof r === 'string') || !Array.isArray(findings)) return undefined;
  const keys = findings.map(asFinding);
  if (keys.some((k) => !k)) return undefined;
  return { rules: [...rules], findings: keys as IgnoredFinding[] };
}

/** The outcome without the ignored findings, scored again without them. */
export function withoutIgnored(outcome: CheckOutcome, text: string, ignores: DraftIgnores, scoring: ScoringConfig): CheckOutcome {
  if (isEmpty(ignores)) return outcome;
  const messages = outcome.messages.filter((message) => !isIgnored(message, text, ignores));
  if (messages.length === outcome.messages.length) return outcome;
  return { ...outcome, messages, score: scoreReply(messages, outcome.score.words, scoring) };
}
