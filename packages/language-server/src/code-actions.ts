import { pathInside } from '@preach/config';
import { FRONT_MATTER_RULE_ID, readFrontMatter } from '@preach/core';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlainMessage } from './checker.js';
import { CONFIG_ERROR_CODE, SOURCE, type DiagnosticData } from './diagnostics.js';
import { disableRuleInFrontMatter, type TextChange } from './draft-edits.js';
import { findingKey } from './ignores.js';
import { Commands } from './protocol.js';
import { addVocabularyWord } from './vocabulary-edit.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.preach`;
const WORD = /^[\p{L}\p{N}][\p{L}\p{N}'’._+-]{0,39}$/u;

export function isPreachDiagnostic(diagnostic: Diagnostic): boolean {
  return diagnostic.source === SOURCE && typeof diagnostic.code === 'string' && diagnostic.code !== CONFIG_ERROR_CODE;
}

/** Bad front matter is bad input, to fix rather than to ignore. */
export function isIgnorable(diagnostic: Diagnostic): boolean {
  return isPreachDiagnostic(diagnostic) && diagnostic.code !== FRONT_MATTER_RULE_ID;
}

/** "Replace with …" for each fix the rule offers; preferred when it offers exactly one. */
export function fixActions(document: TextDocument, diagnostic: Diagnostic): CodeAction[] {
  const fixes = (diagnostic.data as DiagnosticData | undefined)?.fixes ?? [];
  return fixes.map((fix) => ({
    title: fix === '' ? `Remove “${document.getText(diagnostic.range)}”` : `Replace with “${fix.trim()}”`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: fixes.length === 1,
    edit: { changes: { [document.uri]: [TextEdit.replace(diagnostic.range, fix)] } },
  }));
}

/**
 * "Disable … for this draft". A draft with front matter is a file the agent keeps context in: the
 * rule goes into its `disable:` list. A draft without front matter (a plain-text e-mail, a bare
 * Markdown reply) is pasted to the customer as it is, so the text is left alone and the server
 * keeps the rule aside for this document.
 */
export function disableAction(document: TextDocument, diagnostic: Diagnostic): CodeAction {
  const ruleId = String(diagnostic.code);
  const title = `Disable ${ruleId} for this draft`;
  const text = document.getText();
  // Front matter that is not valid YAML cannot take the rule either: keep it aside then too.
  const change = readFrontMatter(text).end > 0 ? disableRuleInFrontMatter(text, ruleId) : undefined;
  if (change) return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: [toTextEdit(document, change)] } } };
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: Commands.ignoreRule, arguments: [document.uri, ruleId] } };
}

/** "Ignore this one": this finding only, kept outside the text, in any draft. */
export function ignoreFindingAction(document: TextDocument, diagnostic: Diagnostic): CodeAction {
  const ruleId = String(diagnostic.code);
  const finding = findingKey(document.getText(), ruleId, document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
  const title = `Ignore this one (${ruleId})`;
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: Commands.ignoreFinding, arguments: [document.uri, finding] } };
}

/** The word under a diagnostic, when it is one word that a vocabulary entry could cover. */
export function vocabularyCandidate(document: TextDocument, diagnostic: Diagnostic): string | undefined {
  const text = document.getText(diagnostic.range).trim();
  return WORD.test(text) ? text : undefined;
}

export function vocabularyAction(diagnostic: Diagnostic, word: string, configFile: string | undefined, folder: string, draftPath: string | undefined): CodeAction | undefined {
  const change = addVocabularyWord(configFile, folder, word, draftPath);
  if (change.kind === 'unsupported') return undefined;
  const uri = pathToFileURL(change.file).href;
  const edit: WorkspaceEdit =
    change.kind === 'create'
      ? { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [TextEdit.insert({ line: 0, character: 0 }, change.after)] }] }
      : { changes: { [uri]: [TextEdit.replace({ start: { line: 0, character: 0 }, end: endOf(change.before) }, change.after)] } };
  return {
    title: `Add “${word}” to the team vocabulary (${change.kind === 'create' ? 'new .preachrc.yaml' : relativeName(change.file, folder)})`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit,
  };
}

/** Every message's first fix, skipping fixes that overlap one earlier in the text. */
export function fixAllEdits(document: TextDocument, messages: readonly PlainMessage[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let cursor = -1;
  for (const message of [...messages].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (!message.expected?.length || message.start < cursor) continue;
    edits.push(TextEdit.replace({ start: document.positionAt(message.start), end: document.positionAt(message.end) }, message.expected[0]!));
    cursor = Math.max(message.end, message.start + 1);
  }
  return edits;
}

function toTextEdit(document: TextDocument, change: TextChange): TextEdit {
  return TextEdit.replace({ start: document.positionAt(change.start), end: document.positionAt(change.end) }, change.newText);
}

function endOf(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

function relativeName(file: string, folder: string): string {
  return pathInside(folder, file) ?? file;
}
