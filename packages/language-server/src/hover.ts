import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findingsMarkdown, type RuleGist } from '@preach/core';
import type { PlainMessage } from './checker.js';

/** Hover over a flagged span: core's docs of every finding there (message, the rule's why, a good example). */
export function hoverAt(document: TextDocument, offset: number, messages: readonly PlainMessage[], docs: Record<string, RuleGist>): Hover | null {
  const here = messages.filter((m) => m.start <= offset && offset <= Math.max(m.end, m.start + 1));
  if (here.length === 0) return null;
  const start = Math.min(...here.map((m) => m.start));
  const end = Math.max(...here.map((m) => m.end));
  return {
    contents: { kind: MarkupKind.Markdown, value: findingsMarkdown(here, docs) },
    range: { start: document.positionAt(start), end: document.positionAt(end) },
  };
}
