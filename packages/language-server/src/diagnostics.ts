import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LIMIT_RULE_ID } from '@preach/core';
import type { PlainMessage } from './checker.js';
import type { ConfigProblem } from './worker-protocol.js';

export const SOURCE = 'preach';
export const CONFIG_ERROR_CODE = 'config-error';

const SEVERITY: Record<PlainMessage['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  suggestion: DiagnosticSeverity.Information,
};

/** What code actions need later, carried by the diagnostic itself. */
export interface DiagnosticData {
  fixes?: string[];
}

export function toDiagnostic(message: PlainMessage, document: TextDocument): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: document.positionAt(message.start), end: document.positionAt(message.end) },
    severity: SEVERITY[message.severity],
    code: message.ruleId,
    source: SOURCE,
    message: message.message,
  };
  if (message.url) diagnostic.codeDescription = { href: message.url };
  if (message.expected) diagnostic.data = { fixes: message.expected } satisfies DiagnosticData;
  return diagnostic;
}

/** One diagnostic on the draft's first line that names the config file, line and problem. */
export function configErrorDiagnostic(problem: ConfigProblem, document: TextDocument, fileUri: string | undefined): Diagnostic {
  const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    severity: DiagnosticSeverity.Error,
    code: CONFIG_ERROR_CODE,
    source: SOURCE,
    message: `preach cannot check this draft: the config has a problem.\n${problem.message}`,
  };
  if (fileUri) {
    const line = Math.max(0, (problem.line ?? 1) - 1);
    const character = Math.max(0, (problem.column ?? 1) - 1);
    diagnostic.relatedInformation = [{ location: { uri: fileUri, range: { start: { line, character }, end: { line, character } } }, message: problem.message.split('\n')[0]! }];
  }
  return diagnostic;
}

/** One diagnostic on the draft's first line: the check was stopped (see CheckerThread). */
export function limitDiagnostic(message: string, document: TextDocument): Diagnostic {
  const firstLine = document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } }, severity: DiagnosticSeverity.Error, code: LIMIT_RULE_ID, source: SOURCE, message };
}
