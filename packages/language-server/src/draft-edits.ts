import { readFrontMatter } from '@preach/core';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';

/** A replacement of `text.slice(start, end)`. */
export interface TextChange {
  start: number;
  end: number;
  newText: string;
}

/**
 * Adds `ruleId` to the draft's front matter `disable:` list (creating the front matter or the
 * key when missing) with the YAML Document API, so the agent's comments and layout survive.
 * Undefined when the front matter is not valid YAML or already disables the rule.
 */
export function disableRuleInFrontMatter(text: string, ruleId: string): TextChange | undefined {
  const frontMatter = readFrontMatter(text);
  if (frontMatter.error) return undefined;
  if (frontMatter.disable.includes(ruleId)) return undefined;
  if (frontMatter.end === 0) {
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return { start: 0, end: 0, newText: `---${eol}disable: [${ruleId}]${eol}---${eol}` };
  }
  const block = text.slice(0, frontMatter.end);
  const innerStart = block.indexOf('\n') + 1;
  const closing = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n)?$/.exec(block);
  const innerEnd = closing ? closing.index : innerStart;
  if (innerEnd <= innerStart) return { start: innerStart, end: innerStart, newText: `disable: [${ruleId}]\n` };
  const inner = text.slice(innerStart, innerEnd);
  const document = parseDocument(inner);
  const key = ['disable', 'preach_disable'].find((name) => document.has(name)) ?? 'disable';
  addToList(document, key, ruleId, true);
  return { start: innerStart, end: innerEnd, newText: document.toString({ flowCollectionPadding: false }).replace(/\n$/, '') };
}

/** Adds `value` to a list at `key` (a string becomes a list); keeps comments. */
export function addToList(document: Document, key: string, value: string, flow: boolean): void {
  const node = document.get(key, true);
  if (isSeq(node)) {
    if (!node.items.some((item) => (isScalar(item) ? item.value : item) === value)) node.add(document.createNode(value));
    return;
  }
  const existing = isScalar(node) && typeof node.value === 'string' ? node.value.split(/[,\s]+/).filter(Boolean) : [];
  const list = document.createNode([...existing, value], { flow });
  if (document.contents === null || !isMap(document.contents)) {
    document.contents = document.createNode({}) as never;
  }
  document.set(key, list);
}
