#!/usr/bin/env node
// `node scripts/check-eval-i18n.mjs [folder]`: checks the format of the Thai, Korean and Chinese
// evaluation sets (test/fixtures/eval-i18n, described in its README.md) and prints what each
// language holds. It checks labels are well formed, not that any rule agrees with them.
// Exits 1 and names the file, line and fix for every malformed entry; the rest are still checked.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const EVAL_I18N_DIR = join(root, 'test', 'fixtures', 'eval-i18n');

export const LANGUAGES = ['th', 'ko', 'zh'];

/** Rules that work on any language, with the ids the English set uses. */
export const SHARED_RULES = [
  'gif-in-sensitive-situation',
  'emoji-in-sensitive-situation',
  'exclamation-in-sensitive-situation',
  'template-placeholder',
  'sensitive-data-in-reply',
  'reply-too-long',
];

/** Concepts with one rule per language, named `<lang>/<concept>`. */
export const LANGUAGE_CONCEPTS = [
  'name-honorific',
  'register',
  'playful-in-sensitive-situation',
  'over-promise',
  'vague-timeline',
  'apology-boilerplate',
  'blame-language',
  'asks-for-secret',
];

export const SITUATIONS = [
  'billing-failure', 'outage', 'security', 'bereavement', 'complaint', 'cancellation', 'bug',
  'refund', 'shipping-delay', 'account-access', 'feature-request', 'how-to', 'praise',
];
export const MOODS = ['calm', 'confused', 'anxious', 'frustrated', 'angry', 'grieving', 'pleased'];
export const CHANNELS = ['chat', 'email', 'social', 'sms'];
export const CUSTOMER_TITLES = ['mr', 'ms'];

const ENTRY_KEYS = new Set(['id', 'text', 'context', 'expect', 'forbid', 'note']);
const CONTEXT_KEYS = new Set(['language', 'customer_name', 'customer_title', 'customer_message', 'situation', 'channel', 'agent_name', 'tags']);
const MESSAGE_KEYS = ['key', 'text', 'situation', 'mood', 'resolved'];

/** The least each language must hold (I18N contract): a smaller set does not measure much. */
export const MINIMUM = { replies: 60, messages: 40, perLanguageRule: 3, perSharedRule: 2 };

/** Every rule id a label may name for one language. */
export function ruleIdsFor(language) {
  return new Set([...SHARED_RULES, ...LANGUAGE_CONCEPTS.map((concept) => `${language}/${concept}`)]);
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value) => typeof value === 'string' && value.trim() !== '';

/** Checks one language's replies.yaml; returns its entries and pushes a line per problem. */
function checkReplies(file, language, problems, seenIds) {
  const where = relative(root, file);
  const lineCounter = new LineCounter();
  const document = parseDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const { line } = lineCounter.linePos(error.pos[0]);
      problems.push(`${where}:${line}: not valid YAML (${error.message.split('\n')[0]}); fix the syntax`);
    }
    return [];
  }
  const items = document.contents?.items;
  if (!document.contents || !Array.isArray(items) || document.contents.constructor.name !== 'YAMLSeq') {
    problems.push(`${where}:1: the file must be a YAML list of entries (- id: …)`);
    return [];
  }
  const known = ruleIdsFor(language);
  const entries = [];
  items.forEach((node, index) => {
    const line = node?.range ? lineCounter.linePos(node.range[0]).line : 1;
    const item = node?.toJSON?.() ?? node;
    const at = `${where}:${line}${isPlainObject(item) && typeof item.id === 'string' ? ` (${item.id})` : ` (entry ${index + 1})`}`;
    const problem = (text) => problems.push(`${at}: ${text}`);
    if (!isPlainObject(item)) return problem('an entry must be a mapping with id, text, context and expect');
    for (const key of Object.keys(item)) if (!ENTRY_KEYS.has(key)) problem(`unknown key "${key}" (use ${[...ENTRY_KEYS].join(', ')})`);
    if (!isText(item.id)) problem('needs an id');
    else if (seenIds.has(item.id)) problem(`id "${item.id}" is already used at ${seenIds.get(item.id)}; ids are unique across all languages`);
    else seenIds.set(item.id, `${where}:${line}`);
    if (!isText(item.text)) problem('needs a text (the reply, exactly as sent)');
    const context = item.context;
    if (!isPlainObject(context)) problem(`needs a context with at least language: ${language}`);
    else {
      for (const key of Object.keys(context)) if (!CONTEXT_KEYS.has(key)) problem(`unknown context key "${key}" (use ${[...CONTEXT_KEYS].join(', ')})`);
      if (context.language !== language) problem(`context.language must be "${language}" in ${language}/replies.yaml (found ${JSON.stringify(context.language)})`);
      if (context.situation !== undefined && !SITUATIONS.includes(context.situation)) problem(`unknown situation "${context.situation}" (use one of ${SITUATIONS.join(', ')})`);
      if (context.channel !== undefined && !CHANNELS.includes(context.channel)) problem(`unknown channel "${context.channel}" (use ${CHANNELS.join(', ')})`);
      if (context.customer_title !== undefined && !CUSTOMER_TITLES.includes(context.customer_title)) problem(`customer_title must be ${CUSTOMER_TITLES.join(' or ')}`);
      for (const key of ['customer_name', 'customer_message', 'agent_name']) {
        if (context[key] !== undefined && !isText(context[key])) problem(`context.${key} must be a non-empty string`);
      }
      if (context.tags !== undefined && !(Array.isArray(context.tags) && context.tags.every(isText))) problem('context.tags must be a list of strings');
    }
    for (const field of ['expect', 'forbid']) {
      const ids = item[field];
      if (ids === undefined && field === 'forbid') continue;
      if (!Array.isArray(ids)) {
        problem(field === 'expect' ? 'needs expect (a list of rule ids; [] for a good reply)' : 'forbid must be a list of rule ids');
        continue;
      }
      if (new Set(ids).size !== ids.length) problem(`${field} names a rule twice`);
      for (const id of ids) {
        if (!known.has(id)) problem(`${field}: "${id}" is not a rule of the contract for ${language} (use ${[...known].join(', ')})`);
      }
    }
    if (Array.isArray(item.expect) && Array.isArray(item.forbid)) {
      for (const id of item.forbid) if (item.expect.includes(id)) problem(`"${id}" is both expected and forbidden`);
    }
    if (item.note !== undefined && !isText(item.note)) problem('note must be a non-empty string');
    entries.push(item);
  });
  return entries;
}

/** Checks one language's customer-messages.jsonl; one bad line is reported alone. */
function checkMessages(file, language, problems) {
  const where = relative(root, file);
  const records = [];
  const seenKeys = new Map();
  readFileSync(file, 'utf8').split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const problem = (text) => problems.push(`${where}:${line}: ${text}`);
    let record;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      return problem(`not valid JSON (${error.message}); write one {"key", "text", "situation", "mood", "resolved"} object per line`);
    }
    if (!isPlainObject(record)) return problem('each line must be a JSON object');
    for (const key of Object.keys(record)) if (!MESSAGE_KEYS.includes(key)) problem(`unknown key "${key}" (use ${MESSAGE_KEYS.join(', ')})`);
    if (typeof record.key !== 'string' || !new RegExp(`^${language}-[1-9][0-9]*$`).test(record.key)) problem(`key must look like "${language}-N" (found ${JSON.stringify(record.key)})`);
    else if (seenKeys.has(record.key)) problem(`key "${record.key}" is already used on line ${seenKeys.get(record.key)}`);
    else seenKeys.set(record.key, line);
    if (!isText(record.text)) problem('needs a text (the customer message)');
    if (record.situation !== 'none' && !SITUATIONS.includes(record.situation)) problem(`unknown situation ${JSON.stringify(record.situation)} (use one of ${SITUATIONS.join(', ')}, or none)`);
    if (!MOODS.includes(record.mood)) problem(`unknown mood ${JSON.stringify(record.mood)} (use ${MOODS.join(', ')})`);
    if (typeof record.resolved !== 'boolean') problem('resolved must be true or false');
    records.push(record);
  });
  return records;
}

function tally(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * Checks every language folder under `dir`. Returns the problems (file:line: what to fix) and,
 * per language, the counts a reader wants: replies, good ones, labels per rule, given and
 * inferred situations, messages per situation and mood.
 */
export function checkEvalI18n(dir = EVAL_I18N_DIR) {
  const problems = [];
  const counts = {};
  const seenIds = new Map();
  for (const language of LANGUAGES) {
    const repliesFile = join(dir, language, 'replies.yaml');
    const messagesFile = join(dir, language, 'customer-messages.jsonl');
    for (const file of [repliesFile, messagesFile]) {
      if (!existsSync(file)) problems.push(`${relative(root, file)}: missing; every language needs replies.yaml and customer-messages.jsonl`);
    }
    const replies = existsSync(repliesFile) ? checkReplies(repliesFile, language, problems, seenIds) : [];
    const messages = existsSync(messagesFile) ? checkMessages(messagesFile, language, problems) : [];
    const labels = tally(replies.flatMap((entry) => (Array.isArray(entry.expect) ? entry.expect : [])));
    const good = replies.filter((entry) => Array.isArray(entry.expect) && entry.expect.length === 0).length;
    const withSituation = replies.filter((entry) => entry.context?.situation !== undefined).length;
    const inferred = replies.filter((entry) => entry.context?.situation === undefined && entry.context?.customer_message !== undefined).length;
    counts[language] = {
      replies: replies.length,
      good,
      bad: replies.length - good,
      withForbid: replies.filter((entry) => Array.isArray(entry.forbid) && entry.forbid.length > 0).length,
      givenSituation: withSituation,
      inferredSituation: inferred,
      labels,
      messages: messages.length,
      messageSituations: tally(messages.map((record) => record.situation)),
      messageMoods: tally(messages.map((record) => record.mood)),
    };

    const where = `test/fixtures/eval-i18n/${language}`;
    if (replies.length < MINIMUM.replies) problems.push(`${where}/replies.yaml: ${replies.length} entries; the contract asks for at least ${MINIMUM.replies}`);
    if (good * 2 < replies.length) problems.push(`${where}/replies.yaml: ${good} of ${replies.length} are good replies (expect: []); at least half must be`);
    for (const concept of LANGUAGE_CONCEPTS) {
      const id = `${language}/${concept}`;
      if ((labels[id] ?? 0) < MINIMUM.perLanguageRule) problems.push(`${where}/replies.yaml: ${id} is expected ${labels[id] ?? 0} times; write at least ${MINIMUM.perLanguageRule} replies that break it`);
    }
    for (const id of SHARED_RULES) {
      if ((labels[id] ?? 0) < MINIMUM.perSharedRule) problems.push(`${where}/replies.yaml: ${id} is expected ${labels[id] ?? 0} times; write at least ${MINIMUM.perSharedRule} replies that break it`);
    }
    if (messages.length < MINIMUM.messages) problems.push(`${where}/customer-messages.jsonl: ${messages.length} messages; the contract asks for at least ${MINIMUM.messages}`);
    for (const situation of SITUATIONS) {
      if (!counts[language].messageSituations[situation]) problems.push(`${where}/customer-messages.jsonl: no message labelled ${situation}; cover every situation`);
    }
  }
  return { problems, counts };
}

function report({ problems, counts }) {
  const lines = [];
  for (const [language, count] of Object.entries(counts)) {
    lines.push(`${language}: ${count.replies} replies (${count.good} good, ${count.bad} bad, ${count.withForbid} with forbid; situation given ${count.givenSituation}, inferred from customer_message ${count.inferredSituation}), ${count.messages} customer messages`);
    const labels = Object.entries(count.labels).sort(([a], [b]) => a.localeCompare(b));
    lines.push(`  expected: ${labels.map(([id, n]) => `${id} ${n}`).join(', ')}`);
    const situations = Object.entries(count.messageSituations).sort(([a], [b]) => a.localeCompare(b));
    lines.push(`  message situations: ${situations.map(([id, n]) => `${id} ${n}`).join(', ')}`);
    const moods = Object.entries(count.messageMoods).sort(([a], [b]) => a.localeCompare(b));
    lines.push(`  message moods: ${moods.map(([id, n]) => `${id} ${n}`).join(', ')}`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = checkEvalI18n(process.argv[2] ?? EVAL_I18N_DIR);
  console.log(report(result));
  if (result.problems.length > 0) {
    console.error(`\n${result.problems.length} problem(s):\n${result.problems.join('\n')}`);
    process.exitCode = 1;
  }
}
