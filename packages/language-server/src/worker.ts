/**
 * The checker thread: loads configs and checks drafts, so the server's main thread keeps
 * answering the editor while a long document is being checked.
 */
import { resolve } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { DEFAULT_LIMITS, isInputError, lintDraft, prepareDraft, ruleGist, ruleMarkdown, settingsLayer, type ReplyContext, type ResolvedConfig, type RuleGist } from '@preach/core';
import { clearConfigCache, findConfigFile, loadConfigFor } from '@preach/config';
import { DraftChecker } from './checker.js';
import { withoutIgnored } from './ignores.js';
import type { CheckJob, CheckResult, CheckSettings, ConfigProblem, FromWorker, Query, ToWorker } from './worker-protocol.js';

interface DraftState {
  checker: DraftChecker;
  text?: string;
  context?: ReplyContext;
  config?: ResolvedConfig;
}

/** Where the editor's `preach.rules` come from, as a config layer's file. */
const EDITOR_SETTINGS = 'editor settings (preach.rules)';
const drafts = new Map<string, DraftState>();
const pending = new Map<string, CheckJob>();
let running: CheckJob | undefined;
const stats = { maxSliceMs: 0, checkMs: [] as number[], blocksReused: 0, blocksChecked: 0 };

const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'check':
      pending.set(message.uri, message);
      void pump();
      break;
    case 'forget':
      drafts.delete(message.uri);
      pending.delete(message.uri);
      break;
    case 'reload':
      clearConfigCache();
      break;
    case 'query':
      answer(message.query).then(
        (value) => send({ type: 'answer', id: message.id, value }),
        (error) => send({ type: 'answer', id: message.id, value: undefined, error: (error as Error).message }),
      );
      break;
  }
});

async function pump(): Promise<void> {
  if (running) return;
  while (pending.size > 0) {
    const [uri, job] = pending.entries().next().value!;
    pending.delete(uri);
    running = job;
    try {
      const result = await runCheck(job);
      if (result) send(result);
    } catch (error) {
      // A bug in a rule or in preach: show it on the draft instead of dying.
      send({ type: 'result', uri: job.uri, version: job.version, ms: 0, docs: {}, configFiles: [], configError: { message: `preach could not check this draft: ${(error as Error).message}` } });
    } finally {
      running = undefined;
      send({ type: 'progress', stage: 'finished', uri: job.uri, version: job.version });
    }
  }
}

async function runCheck(job: CheckJob): Promise<CheckResult | undefined> {
  const started = performance.now();
  const loaded = await configFor(job.path, job.settings);
  if (pending.has(job.uri)) return undefined;
  const base = { type: 'result' as const, uri: job.uri, version: job.version, configFile: loaded.file, configFiles: loaded.files, docs: {}, ...(loaded.skippedCode?.length ? { skippedCode: loaded.skippedCode } : {}), ...(loaded.warnings?.length ? { configWarnings: loaded.warnings } : {}) };
  if (!loaded.config) return { ...base, ms: performance.now() - started, configError: loaded.problem };
  let state = drafts.get(job.uri);
  if (!state) drafts.set(job.uri, (state = { checker: new DraftChecker() }));
  send({ type: 'progress', stage: 'started', uri: job.uri, version: job.version, budgetMs: (loaded.config.limits ?? DEFAULT_LIMITS).timeBudgetMs });
  const checked = await state.checker.check(job.text, job.context, loaded.config, {
    isStale: () => pending.has(job.uri),
    onSlice: (ms) => (stats.maxSliceMs = Math.max(stats.maxSliceMs, ms)),
  });
  if (!checked) return undefined;
  const outcome = job.ignores ? withoutIgnored(checked, job.text, job.ignores, loaded.config.scoring) : checked;
  Object.assign(state, { text: job.text, context: job.context, config: loaded.config });
  const ms = performance.now() - started;
  stats.checkMs.push(ms);
  if (stats.checkMs.length > 1000) stats.checkMs.shift();
  stats.blocksReused += outcome.blocksReused;
  stats.blocksChecked += outcome.blocksChecked;
  const docs: Record<string, RuleGist> = {};
  for (const message of outcome.messages) {
    const rule = loaded.config.allRules.get(message.ruleId);
    if (rule && !docs[message.ruleId]) docs[message.ruleId] = ruleGist(rule);
  }
  return { ...base, ms, outcome, docs };
}

interface ConfigForDraft {
  config?: ResolvedConfig;
  file?: string;
  files: string[];
  problem?: ConfigProblem;
  skippedCode?: string[];
  warnings?: string[];
}

async function configFor(path: string | undefined, settings: CheckSettings): Promise<ConfigForDraft> {
  const target = path ?? resolve(settings.cwd, 'untitled.md');
  const configFile = settings.configFile ? resolve(settings.cwd, settings.configFile) : undefined;
  try {
    // The editor's rule settings and language are the last config layers, over the files.
    const layers = [
      ...(Object.keys(settings.rules).length ? [settingsLayer(EDITOR_SETTINGS, settings.rules)] : []),
      ...(settings.language ? [{ file: 'the editor setting preach.language', config: { language: settings.language } }] : []),
    ];
    const loaded = await loadConfigFor(target, { configFile, loadCode: settings.loadCode, layers });
    return { config: loaded.config, file: loaded.file, files: loaded.files, skippedCode: loaded.skippedCode, warnings: loaded.warnings.map((w) => w.format()) };
  } catch (error) {
    const file = configFile ?? findConfigFile(target);
    return { file, files: file ? [file] : [], problem: describeConfigError(error, file) };
  }
}

function describeConfigError(error: unknown, file: string | undefined): ConfigProblem {
  if (!isInputError(error)) return { message: `preach could not load its config: ${(error as Error).message}`, file };
  const errors = 'errors' in error ? error.errors : [error];
  const first = errors[0]!;
  const shown = errors.slice(0, 3).map((e) => e.format());
  if (errors.length > 3) shown.push(`…and ${errors.length - 3} more problems in the same file`);
  return { message: shown.join('\n'), file: resolve(first.file), line: first.line, column: first.column };
}

async function answer(query: Query): Promise<unknown> {
  switch (query.kind) {
    case 'stats': {
      const value = { checkerMaxSliceMs: stats.maxSliceMs, checkMs: [...stats.checkMs], blocksReused: stats.blocksReused, blocksChecked: stats.blocksChecked };
      if (query.reset) Object.assign(stats, { maxSliceMs: 0, checkMs: [], blocksReused: 0, blocksChecked: 0 });
      return value;
    }
    case 'probeVocabulary':
      return probeVocabulary(query);
    default: {
      const { config } = await configFor(query.path, query.settings);
      if (!config) return query.kind === 'ruleDocs' ? null : [];
      if (query.kind === 'situations') return config.situations.map((s) => ({ id: s.id, sensitivity: s.sensitivity, description: s.description }));
      if (query.kind === 'rules') {
        return [...config.allRules.values()].map((rule) => ({
          id: rule.meta.id,
          category: rule.meta.category,
          severity: config.rules.get(rule.meta.id)?.severity ?? 'off',
          description: rule.meta.docs.description,
        }));
      }
      const rule = config.allRules.get(query.ruleId);
      return rule ? { markdown: ruleMarkdown(rule), url: rule.meta.url } : null;
    }
  }
}

/** Would adding `word` to the team vocabulary silence this rule at this place? */
function probeVocabulary(query: Extract<Query, { kind: 'probeVocabulary' }>): boolean {
  const state = drafts.get(query.uri);
  if (!state?.config || state.text === undefined || !state.config.rules.has(query.ruleId)) return false;
  const draft = prepareDraft(state.text, state.context ?? {}, state.config);
  const only = new Set([query.ruleId]);
  const flags = (config: ResolvedConfig) =>
    lintDraft(draft, config, { only }).messages.some((m) => m.ruleId === query.ruleId && m.startOffset < query.end && m.endOffset > query.start);
  if (!flags(state.config)) return false;
  return !flags({ ...state.config, vocabulary: new Set([...state.config.vocabulary, query.word.toLowerCase()]) });
}
