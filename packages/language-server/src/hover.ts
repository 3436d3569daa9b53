import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlainMessage } from './checker.js';
import type { RuleDocSummary } from './rule-docs.js';

/** Hover over a flagged span: the message, the rule's why and a good example, per message. */
export function hoverAt(document: TextDocument, offset: number, messages: readonly PlainMessage[], docs: Record<string, RuleDocSummary>): Hover | null {
  const here = messages.filter((m) => m.start <= offset && offset <= Math.max(m.end, m.start + 1));
  if (here.length === 0) return null;
  const sections = here.map((message) => {
    const rule = docs[message.ruleId];
    const lines = [`**preach** · \`${message.ruleId}\` (${message.category}, ${message.severity})`, '', message.message];
    if (message.note) lines.push('', message.note);
    if (rule?.why) lines.push('', `**Why:** ${rule.why}`);
    if (rule?.good) lines.push('', `**Good:** “${rule.good.replace(/\n+/g, ' ')}”`);
    if (message.url) lines.push('', `[Rule docs](${message.url})`);
    return lines.join('\n');
  });
  const start = Math.min(...here.map((m) => m.start));
  const end = Math.max(...here.map((m) => m.end));
  return {
    contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') },
    range: { start: document.positionAt(start), end: document.positionAt(end) },
  };
}
