import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findConfigFile } from '@preach/config';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReplyContext, RuleGist } from '@preach/core';
import type { PlainMessage } from './checker.js';
import { CheckerThread } from './checker-thread.js';
import { disableAction, FIX_ALL_KIND, fixActions, fixAllEdits, ignoreFindingAction, isIgnorable, isPreachDiagnostic, vocabularyAction, vocabularyCandidate } from './code-actions.js';
import { ConfigWatcher } from './config-watch.js';
import { configErrorDiagnostic, limitDiagnostic, toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { asDraftIgnores, asFinding, isEmpty, NO_IGNORES, withFinding, withRule } from './ignores.js';
import { checkSetContextParams } from './params.js';
import {
  CODE_RULES_PAUSED,
  Commands,
  CONFIG_FILES_GLOB,
  DEFAULT_SETTINGS,
  IgnoresNotification,
  RuleDocsRequest,
  RulesRequest,
  ScoreNotification,
  SetContextRequest,
  SituationsRequest,
  StatsRequest,
  WorkspaceTrustNotification,
  type CodeRulesPaused,
  type DraftContext,
  type DraftIgnores,
  type PreachInitializationOptions,
  type PreachSettings,
  type RuleSummary,
  type ServerStats,
  type SituationChoice,
} from './protocol.js';
import type { CheckResult, CheckSettings } from './worker-protocol.js';

interface Checked {
  version: number;
  messages: PlainMessage[];
  docs: Record<string, RuleGist>;
  configFile?: string;
}

/** The settings preach knows, taken from what a client sent; anything else (trust above all) is dropped. */
function knownSettings(value: unknown): Partial<PreachSettings> {
  if (!value || typeof value !== 'object') return {};
  const given = value as Record<string, unknown>;
  const known: Partial<PreachSettings> = {};
  if (typeof given.enable === 'boolean') known.enable = given.enable;
  if (given.rules && typeof given.rules === 'object' && !Array.isArray(given.rules)) {
    known.rules = Object.fromEntries(Object.entries(given.rules).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
  if (typeof given.configPath === 'string') known.configPath = given.configPath;
  if (typeof given.language === 'string' && /^(?:|auto|[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/.test(given.language.trim())) known.language = given.language.trim();
  return known;
}

/** The debounce before checking: short for a reply, longer for a long document. */
export function debounceFor(length: number): number {
  return Math.min(200, 25 + Math.floor(length / 500));
}

/**
 * Runs the preach language server on a connection until the client says exit. Checks run in a
 * separate thread; the main thread only tracks documents and answers the editor.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const contexts = new Map<string, DraftContext>();
  /** Ignores per document, outside the text; the client may keep them (preach/ignores). */
  const ignores = new Map<string, DraftIgnores>();
  const checked = new Map<string, Checked>();
  const timers = new Map<string, NodeJS.Timeout>();
  const warned = new Set<string>();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let utilization = performance.eventLoopUtilization();
  let settings: PreachSettings = { ...DEFAULT_SETTINGS };
  let workspaceFolder = process.cwd();
  let canPullSettings = false;
  let canWatchFiles = false;
  // Code from the workspace (packs' JavaScript) runs only once the client says the user trusts it.
  let trusted = false;
  let trustDeclared = false;
  let toldAboutTrust = false;

  const checker = new CheckerThread(publish, (error) => {
    connection.console.error(`preach: the checker thread failed (${error.message}); restarting it`);
    for (const document of documents.all()) schedule(document, 50);
  });
  const watcher = new ConfigWatcher(reloadConfig);

  function checkSettings(): CheckSettings {
    return { configFile: settings.configPath || undefined, rules: settings.rules ?? {}, cwd: workspaceFolder, loadCode: trusted, ...(settings.language ? { language: settings.language } : {}) };
  }

  function pathOf(uri: string): string | undefined {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  }

  function schedule(document: TextDocument, delay = debounceFor(document.getText().length)): void {
    clearTimeout(timers.get(document.uri));
    if (!settings.enable) return;
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const current = documents.get(document.uri);
        if (!current) return;
        checker.check({
          uri: current.uri,
          version: current.version,
          text: current.getText(),
          path: pathOf(current.uri),
          context: explicitContext(current.uri),
          settings: checkSettings(),
          ignores: ignores.get(current.uri),
        });
      }, delay),
    );
  }

  function explicitContext(uri: string): ReplyContext {
    const set = contexts.get(uri) ?? {};
    return Object.fromEntries(Object.entries(set).filter(([, value]) => value !== null && value !== undefined)) as ReplyContext;
  }

  function publish(result: CheckResult): void {
    const document = documents.get(result.uri);
    // A result for an older text is stale: a newer check is already on its way.
    if (!document || document.version !== result.version || !settings.enable) return;
    if (result.configFiles.length) watcher.watchFiles(result.configFiles);
    for (const warning of result.configWarnings ?? []) warnOnce(warning);
    const base = { uri: result.uri, version: result.version, configFile: result.configFile };
    if (result.stopped) {
      checked.set(result.uri, { version: result.version, messages: [], docs: {}, configFile: result.configFile });
      connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: [limitDiagnostic(result.stopped, document)] });
      connection.sendNotification(ScoreNotification, { ...base, score: null, critical: false, categories: {}, words: 0, situation: null, context: explicitContext(result.uri), problems: 1 });
      return;
    }
    if (result.configError || !result.outcome) {
      const problem = result.configError ?? { message: 'unknown problem' };
      checked.set(result.uri, { version: result.version, messages: [], docs: {}, configFile: result.configFile });
      const fileUri = problem.file ? pathToFileURL(problem.file).href : undefined;
      connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: [configErrorDiagnostic(problem, document, fileUri)] });
      connection.sendNotification(ScoreNotification, { ...base, score: null, critical: false, categories: {}, words: 0, situation: null, context: explicitContext(result.uri), problems: 1, configError: problem.message });
      return;
    }
    const { outcome } = result;
    const paused = result.skippedCode?.length ? codeRulesPaused(result.skippedCode) : undefined;
    checked.set(result.uri, { version: result.version, messages: outcome.messages, docs: result.docs, configFile: result.configFile });
    connection.sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: outcome.messages.map((m) => toDiagnostic(m, document)) });
    const { situation } = outcome;
    connection.sendNotification(ScoreNotification, {
      ...base,
      score: outcome.score.score,
      critical: outcome.score.critical,
      categories: outcome.score.categories,
      words: outcome.score.words,
      situation: { id: situation.id, sensitivity: situation.sensitivity, source: situation.source, reason: situation.reason },
      context: outcome.context as DraftContext,
      problems: outcome.messages.length,
      ...(paused ? { codeRulesPaused: paused } : {}),
    });
  }

  function codeRulesPaused(modules: string[]): CodeRulesPaused {
    // VS Code says it in the status bar; a client that never spoke of trust is told once, in words.
    if (!trustDeclared && !toldAboutTrust) {
      toldAboutTrust = true;
      connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: `${CODE_RULES_PAUSED}: ${modules.join(', ')} not run; rule files still apply. If you trust this folder, start the server with the initialization option "trustedWorkspace": true.`,
      });
    }
    return { reason: CODE_RULES_PAUSED, modules };
  }

  /** A config warning (a renamed option) is shown once per session, not once per draft or check. */
  function warnOnce(warning: string): void {
    if (warned.has(warning)) return;
    warned.add(warning);
    connection.console.warn(`preach: ${warning}`);
    connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `preach: ${warning}` });
  }

  function reloadConfig(): void {
    checker.reload();
    for (const document of documents.all()) schedule(document, 0);
  }

  async function pullSettings(): Promise<void> {
    if (!canPullSettings) return;
    const pulled = (await connection.workspace.getConfiguration({ section: 'preach' }).catch(() => undefined)) as unknown;
    if (pulled) settings = { ...DEFAULT_SETTINGS, ...settings, ...knownSettings(pulled) };
  }

  function currentFor(uri: string): { document: TextDocument; result: Checked } | undefined {
    const document = documents.get(uri);
    const result = checked.get(uri);
    return document && result && result.version === document.version ? { document, result } : undefined;
  }

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) workspaceFolder = fileURLToPath(folder);
    const options = (params.initializationOptions ?? {}) as PreachInitializationOptions;
    settings = { ...DEFAULT_SETTINGS, ...knownSettings(options) };
    trustDeclared = typeof options.trustedWorkspace === 'boolean';
    trusted = options.trustedWorkspace === true;
    if (options.ignores && typeof options.ignores === 'object') {
      for (const [uri, given] of Object.entries(options.ignores)) {
        const valid = asDraftIgnores(given);
        if (valid && !isEmpty(valid)) ignores.set(uri, valid);
      }
    }
    canPullSettings = Boolean(params.capabilities.workspace?.configuration);
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [Commands.fixAll, Commands.ignoreRule, Commands.ignoreFinding, Commands.clearIgnores] },
      },
      serverInfo: { name: 'preach' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullSettings) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'preach' }).catch(() => undefined);
      await pullSettings();
    }
    if (canWatchFiles) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILES_GLOB }] })
        .catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { preach?: unknown } | undefined)?.preach;
    if (pushed) settings = { ...settings, ...knownSettings(pushed) };
    await pullSettings();
    checker.reload();
    for (const document of documents.all()) {
      if (settings.enable) schedule(document, 0);
      else connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }
  });

  connection.onDidChangeWatchedFiles(() => watcher.trigger());

  connection.onNotification(WorkspaceTrustNotification, (params) => {
    if (typeof params?.trusted !== 'boolean') return;
    trustDeclared = true;
    if (params.trusted === trusted) return;
    trusted = params.trusted;
    reloadConfig();
  });

  // Opening a document also fires a content change; the open is checked at once, edits after a pause.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    schedule(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (!opening.delete(document.uri)) schedule(document);
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(timers.get(document.uri));
    timers.delete(document.uri);
    checked.delete(document.uri);
    contexts.delete(document.uri);
    checker.forget(document.uri);
    // An unsaved draft's name (untitled:Untitled-1) comes back for another draft: forget its ignores.
    if (!document.uri.startsWith('file:') && ignores.has(document.uri)) setIgnores(document.uri, NO_IGNORES);
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onHover(({ textDocument, position }) => {
    const current = currentFor(textDocument.uri);
    if (!current) return null;
    return hoverAt(current.document, current.document.offsetAt(position), current.result.messages, current.result.docs);
  });

  connection.onCodeAction(async ({ textDocument, context }) => {
    const document = documents.get(textDocument.uri);
    if (!document) return [];
    const actions: CodeAction[] = [];
    const wantsFixAll = context.only?.some((kind) => FIX_ALL_KIND.startsWith(kind));
    if (wantsFixAll) {
      const current = currentFor(textDocument.uri);
      const edits = current ? fixAllEdits(document, current.result.messages) : [];
      if (edits.length) actions.push({ title: 'Fix all preach problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } });
      if (context.only?.every((kind) => FIX_ALL_KIND.startsWith(kind))) return actions;
    }
    const configFile = checked.get(document.uri)?.configFile ?? findNearestConfig(document.uri);
    for (const diagnostic of context.diagnostics.filter(isPreachDiagnostic)) {
      actions.push(...fixActions(document, diagnostic));
      const word = vocabularyCandidate(document, diagnostic);
      if (word) {
        const helps = await checker
          .query<boolean>({ kind: 'probeVocabulary', uri: document.uri, ruleId: String(diagnostic.code), start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end), word })
          .catch(() => false);
        const action = helps ? vocabularyAction(diagnostic, word, configFile, workspaceFolder, pathOf(document.uri)) : undefined;
        if (action) actions.push(action);
      }
      if (!isIgnorable(diagnostic)) continue;
      actions.push(ignoreFindingAction(document, diagnostic));
      actions.push(disableAction(document, diagnostic));
    }
    return actions;
  });

  function findNearestConfig(uri: string): string | undefined {
    const path = pathOf(uri);
    return path ? findConfigFile(path) : findConfigFile(workspaceFolder);
  }

  function setIgnores(uri: string, next: DraftIgnores): void {
    if (isEmpty(next)) ignores.delete(uri);
    else ignores.set(uri, next);
    connection.sendNotification(IgnoresNotification, { uri, ignores: next });
    const document = documents.get(uri);
    if (document) schedule(document, 0);
  }

  function invalidArguments(command: string, expected: string): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, `${command} takes ${expected}`);
  }

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    switch (command) {
      case Commands.fixAll:
        return fixAll(String(args[0] ?? ''));
      case Commands.ignoreRule: {
        const [uri, ruleId] = args;
        if (typeof uri !== 'string' || typeof ruleId !== 'string' || !ruleId) throw invalidArguments(command, '[uri, ruleId]');
        setIgnores(uri, withRule(ignores.get(uri) ?? NO_IGNORES, ruleId));
        return null;
      }
      case Commands.ignoreFinding: {
        const [uri, given] = args;
        const finding = asFinding(given);
        if (typeof uri !== 'string' || !finding) throw invalidArguments(command, '[uri, { ruleId, text, before, after }]');
        setIgnores(uri, withFinding(ignores.get(uri) ?? NO_IGNORES, finding));
        return null;
      }
      case Commands.clearIgnores: {
        const [uri] = args;
        if (uri !== undefined && typeof uri !== 'string') throw invalidArguments(command, '[uri] or []');
        for (const cleared of uri === undefined ? [...ignores.keys()] : [uri]) setIgnores(cleared, NO_IGNORES);
        return null;
      }
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${command}`);
    }
  });

  async function fixAll(uri: string): Promise<{ applied: boolean; fixes: number }> {
    const current = currentFor(uri);
    if (!current) return { applied: false, fixes: 0 };
    const edits = fixAllEdits(current.document, current.result.messages);
    if (edits.length === 0) return { applied: true, fixes: 0 };
    const outcome = await connection.workspace.applyEdit({ label: 'Fix all preach problems', edit: { changes: { [uri]: edits } } });
    return { applied: outcome.applied, fixes: edits.length };
  }

  connection.onRequest(SetContextRequest, (params) => {
    const { uri, context } = checkSetContextParams(params);
    const merged = { ...contexts.get(uri), ...context };
    contexts.set(uri, merged);
    const document = documents.get(uri);
    if (document) schedule(document, 0);
    return { context: merged };
  });

  const queryFor = (uri: string) => ({ uri, path: pathOf(uri), settings: checkSettings() });
  connection.onRequest(SituationsRequest, ({ uri }) => checker.query<SituationChoice[]>({ kind: 'situations', ...queryFor(uri) }));
  connection.onRequest(RulesRequest, ({ uri }) => checker.query<RuleSummary[]>({ kind: 'rules', ...queryFor(uri) }));
  connection.onRequest(RuleDocsRequest, ({ uri, ruleId }) => checker.query<{ markdown: string; url?: string } | null>({ kind: 'ruleDocs', ...queryFor(uri), ruleId }));
  connection.onRequest(StatsRequest, async ({ reset }): Promise<ServerStats> => {
    const fromChecker = await checker.query<Omit<ServerStats, 'mainLoopMaxBlockMs' | 'mainLoopBusyMs' | 'elapsedMs'>>({ kind: 'stats', reset: Boolean(reset) });
    const since = performance.eventLoopUtilization(utilization);
    const main = { mainLoopMaxBlockMs: loop.max / 1e6, mainLoopBusyMs: since.active, elapsedMs: since.active + since.idle };
    if (reset) {
      loop.reset();
      utilization = performance.eventLoopUtilization();
    }
    return { ...main, ...fromChecker };
  });

  connection.onShutdown(async () => {
    watcher.dispose();
    loop.disable();
    for (const timer of timers.values()) clearTimeout(timer);
    await checker.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
