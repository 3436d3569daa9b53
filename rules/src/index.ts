import { compileRuleSource, type Rule } from '@preach/core';
import { codeRules } from './code-rules.js';
import { declarativeSources } from './generated/declarative.js';

export { prepareWritingCheckerFor } from './writing/checker.js';

/** The preset name teams put in `extends`. */
export const RECOMMENDED = 'preach:recommended';

/** Where each rule's reference page lives (generated from the rules by `npm run docs`). */
export const DOCS_URL = 'https://github.com/preach-dev/preach/blob/main/docs/rules/';

let cache: Rule[] | undefined;

/**
 * The built-in rules: declarative ones from `rules/recommended/*.yaml`, code ones from `*.ts`,
 * by id. Ids are lower-case ASCII, compared as text: localeCompare's collator would cost every
 * start a twentieth of a second to set up.
 */
export function recommendedRules(): Rule[] {
  if (cache) return cache;
  const declarative = declarativeSources.flatMap(({ file, source, parsed }) => compileRuleSource(source, file, { origin: RECOMMENDED, docsUrl: DOCS_URL, trusted: true, parsed }).rules);
  const code = codeRules.map((rule) => ({ ...rule, meta: { ...rule.meta, origin: RECOMMENDED, url: rule.meta.url ?? `${DOCS_URL}${rule.meta.id}.md` } }));
  cache = [...declarative.map((rule) => ({ ...rule, meta: { ...rule.meta, url: `${DOCS_URL}${rule.meta.id}.md` } })), ...code].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  return cache;
}
