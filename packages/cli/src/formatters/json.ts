import type { PreachMessage } from '@preach/core';
import { endPoint, type FileReport } from '../report.js';

/**
 * The stable JSON shape of `preach lint --format json` (docs/json-output.md): an array of file
 * results. Fields are only ever added, never renamed or removed.
 */
export interface JsonFileResult {
  file: string;
  score: number | null;
  categories: Record<string, number> | null;
  situation: { id: string | null; sensitivity: string; source: string; reason: string; matched: string[]; resolved?: boolean } | null;
  /** The customer's mood in the message answered, with the words behind it; null without one. */
  mood: { id: string; reason: string } | null;
  /** The reply's language (en, th, ko, zh, …), how it was decided (given, config, detected), and whether preach has rules for it. */
  language: { id: string; source: string; supported: boolean } | null;
  context: { customerName?: string; channel?: string; agentName?: string } | null;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  suggestionCount: number;
  fixed?: { applied: number; skipped: number };
  /** Set when the file could not be checked. */
  error?: string;
  /** Set when `--fix` could not write the file; it is unchanged and the messages are of it as it is. */
  writeError?: string;
}

export interface JsonMessage {
  ruleId: string;
  severity: string;
  category: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  critical: boolean;
  url?: string;
  note?: string;
  fix?: { range: [number, number]; text: string; alternatives: string[] };
}

export function toJsonMessage(message: PreachMessage): JsonMessage {
  const end = endPoint(message);
  const json: JsonMessage = {
    ruleId: message.ruleId,
    severity: message.severity,
    category: message.category,
    message: message.reason,
    line: message.line ?? 1,
    column: message.column ?? 1,
    endLine: end.line,
    endColumn: end.column,
    critical: Boolean(message.critical),
  };
  if (message.url) json.url = message.url;
  if (message.note) json.note = message.note;
  if (message.expected?.length) json.fix = { range: [message.startOffset, message.endOffset], text: message.expected[0]!, alternatives: message.expected.slice(1) };
  return json;
}

export function toJsonResult(report: FileReport): JsonFileResult {
  const result = report.result;
  const messages = result?.messages ?? [];
  const json: JsonFileResult = {
    file: report.file,
    score: result ? result.score.score : null,
    categories: result ? result.score.categories : null,
    situation: result ? { ...result.context.situation } : null,
    mood: result?.context.mood ? { ...result.context.mood } : null,
    language: result?.context.language ? { ...result.context.language } : null,
    context: result
      ? { customerName: result.context.customerName?.full, channel: result.context.channel, agentName: result.context.agentName }
      : null,
    messages: messages.map(toJsonMessage),
    errorCount: messages.filter((m) => m.severity === 'error').length,
    warningCount: messages.filter((m) => m.severity === 'warning').length,
    suggestionCount: messages.filter((m) => m.severity === 'suggestion').length,
  };
  if (report.fixed) json.fixed = report.fixed;
  if (report.error) json.error = report.error;
  if (report.writeError) json.writeError = report.writeError;
  return json;
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(reports.map(toJsonResult), null, 2)}\n`;
}
