import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findConfigFile } from '@preach/config';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReplyContext } from '@preach/core';
import type { PlainMessage } from './checker.js';
import { CheckerThread } from './checker-thread.js';
import { disableAction, FIX_ALL_KIND, fixActions, fixAllEdits, isPreachDiagnostic, vocabularyAction, vocabularyCandidate } from './code-actions.js';
import { ConfigWatcher } from './config-watch.js';
import { configErrorDiagnostic, limitDiagnostic, toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import {
  Commands,
  DEFAULT_SETTINGS,
  RuleDocsRequest,
  RulesRequest,
  ScoreNotification,
  SetContextRequest,
  SituationsRequest,
  StatsRequest,
  type DraftContext,
  type PreachSettings,
  type RuleSummary,
  type ServerStats,
  type SituationChoice,
} from './protocol.js';
import type { RuleDocSummary } from './rule-docs.js';
import type { CheckResult, CheckSettings } from './worker-protocol.js';

interface Checked {
  version: number;
  messages: PlainMessage[];
  docs: Record<string, RuleDocSummary>;
  configFile?: string;
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
  const checked = new Map<string, Checked>();
  const timers = new Map<string, NodeJS.Timeout>();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let utilization = performance.eventLoopUtilization();
  let settings: PreachSettings = { ...DEFAULT_SETTINGS };
  let workspaceFolder = process.cwd();
  let canPullSettings = false;
  let canWatchFiles = false;

  const checker = new CheckerThread(publish, (error) => {
    connection.console.error(`preach: the checker thread failed (${error.message}); restarting it`);
    for (const document of documents.all()) schedule(document, 50);
  });
  const watcher = new ConfigWatcher(reloadConfig);

  function checkSettings(): CheckSettings {
    return { configFile: settings.configPath || undefined, rules: settings.rules ?? {}, cwd: workspaceFolder };
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
    });
  }

  function reloadConfig(): void {
    checker.reload();
    for (const document of documents.all()) schedule(document, 0);
  }

  async function pullSettings(): Promise<void> {
    if (!canPullSettings) return;
    const pulled = (await connection.workspace.getConfiguration({ section: 'preach' }).catch(() => undefined)) as Partial<PreachSettings> | undefined;
    if (pulled) settings = { ...DEFAULT_SETTINGS, ...settings, ...pulled };
  }

  function currentFor(uri: string): { document: TextDocument; result: Checked } | undefined {
    const document = documents.get(uri);
    const result = checked.get(uri);
    return document && result && result.version === document.version ? { document, result } : undefined;
  }

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) workspaceFolder = fileURLToPath(folder);
    settings = { ...DEFAULT_SETTINGS, ...(params.initializationOptions as Partial<PreachSettings> | undefined) };
    canPullSettings = Boolean(params.capabilities.workspace?.configuration);
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [Commands.fixAll] },
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
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/{.preachrc,.preachrc.yaml,.preachrc.yml,.preachrc.json,package.json}' }] })
        .catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { preach?: Partial<PreachSettings> } | undefined)?.preach;
    if (pushed) settings = { ...settings, ...pushed };
    await pullSettings();
    checker.reload();
    for (const document of documents.all()) {
      if (settings.enable) schedule(document, 0);
      else connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }
  });

  connection.onDidChangeWatchedFiles(() => watcher.trigger());

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
        const action = helps ? vocabularyAction(diagnostic, word, configFile, workspaceFolder) : undefined;
        if (action) actions.push(action);
      }
      const disable = disableAction(document, diagnostic);
      if (disable) actions.push(disable);
    }
    return actions;
  });

  function findNearestConfig(uri: string): string | undefined {
    const path = pathOf(uri);
    return path ? findConfigFile(path) : findConfigFile(workspaceFolder);
  }

  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    if (command !== Commands.fixAll) return null;
    const uri = String(args?.[0] ?? '');
    const current = currentFor(uri);
    if (!current) return { applied: false, fixes: 0 };
    const edits = fixAllEdits(current.document, current.result.messages);
    if (edits.length === 0) return { applied: true, fixes: 0 };
    const outcome = await connection.workspace.applyEdit({ label: 'Fix all preach problems', edit: { changes: { [uri]: edits } } });
    return { applied: outcome.applied, fixes: edits.length };
  });

  connection.onRequest(SetContextRequest, ({ uri, context }) => {
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
