import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  Commands,
  CONFIG_FILES_GLOB,
  IgnoresNotification,
  RuleDocsRequest,
  RulesRequest,
  ScoreNotification,
  SetContextRequest,
  WorkspaceTrustNotification,
  type DraftContext,
  type DraftIgnores,
  type PreachInitializationOptions,
  type PreachSettings,
} from '@preach/language-server/protocol';
import { pickContext } from './context-picker.js';
import { ScoreStatus } from './status.js';

const DOCUMENTS = ['markdown', 'plaintext', 'preach-reply'].flatMap((language) => [
  { scheme: 'file', language },
  { scheme: 'untitled', language },
]);

let client: LanguageClient | undefined;
/** Where ignores live between sessions: workspace state, never the draft (it goes to the customer). */
const IGNORES_KEY = 'preach.ignores';
/** Context set from the picker, per draft: sent again when the server restarts. */
const contexts = new Map<string, DraftContext>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const status = new ScoreStatus();
  context.subscriptions.push(status);

  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENTS,
    // A function: read again at every (re)start, so a restarted server knows the trust of now.
    initializationOptions: (): PreachInitializationOptions => ({
      ...settings(),
      trustedWorkspace: vscode.workspace.isTrusted,
      ignores: context.workspaceState.get<Record<string, DraftIgnores>>(IGNORES_KEY, {}),
    }),
    synchronize: {
      configurationSection: 'preach',
      fileEvents: vscode.workspace.createFileSystemWatcher(CONFIG_FILES_GLOB),
    },
  };
  client = new LanguageClient('preach', 'preach', serverOptions, clientOptions);
  context.subscriptions.push(client.onNotification(ScoreNotification, (params) => status.update(params)));
  context.subscriptions.push(
    client.onNotification(IgnoresNotification, ({ uri, ignores }) => {
      const kept = { ...context.workspaceState.get<Record<string, DraftIgnores>>(IGNORES_KEY, {}) };
      if (ignores.rules.length === 0 && ignores.findings.length === 0) delete kept[uri];
      else kept[uri] = ignores;
      void context.workspaceState.update(IGNORES_KEY, kept);
    }),
  );
  context.subscriptions.push(
    client.onDidChangeState(({ newState }) => {
      if (newState !== State.Running) return;
      for (const [uri, draft] of contexts) void client!.sendRequest(SetContextRequest, { uri, context: draft });
    }),
  );
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
    // Restricted Mode ends: the team's code rules load without a restart.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(WorkspaceTrustNotification, { trusted: true })),
    vscode.workspace.onDidChangeConfiguration((change) => {
      if (change.affectsConfiguration('preach.enable') && !settings().enable) status.clear();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      status.forget(document.uri.toString());
      contexts.delete(document.uri.toString());
    }),
    vscode.commands.registerCommand('preach.setContext', () =>
      withDraft(async (editor) => {
        const uri = editor.document.uri.toString();
        const change = await pickContext(client!, editor.document, status.current(uri));
        if (change) contexts.set(uri, { ...contexts.get(uri), ...change });
      }),
    ),
    vscode.commands.registerCommand('preach.fixAll', () =>
      withDraft(async (editor) => {
        const outcome = (await client!.sendRequest('workspace/executeCommand', { command: Commands.fixAll, arguments: [editor.document.uri.toString()] })) as { applied: boolean; fixes: number } | null;
        if (!outcome?.applied) void vscode.window.showWarningMessage('preach: the draft is still being checked; try again in a moment.');
        else if (outcome.fixes === 0) void vscode.window.showInformationMessage('preach: nothing to fix automatically in this draft.');
      }),
    ),
    vscode.commands.registerCommand('preach.showRuleDocs', (ruleId?: string) => showRuleDocs(ruleId)),
    vscode.commands.registerCommand('preach.clearIgnores', () =>
      withDraft((editor) => client!.sendRequest('workspace/executeCommand', { command: Commands.clearIgnores, arguments: [editor.document.uri.toString()] })),
    ),
    vscode.commands.registerCommand('preach.clearAllIgnores', async () => {
      await client!.sendRequest('workspace/executeCommand', { command: Commands.clearIgnores, arguments: [] });
      // Drafts not open in this session are in workspace state only.
      await context.workspaceState.update(IGNORES_KEY, {});
    }),
    vscode.commands.registerCommand('preach.restartServer', async () => {
      status.clear();
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function settings(): PreachSettings {
  const config = vscode.workspace.getConfiguration('preach');
  return { enable: config.get('enable', true), rules: config.get('rules', {}), configPath: config.get('configPath', '') };
}

async function withDraft(run: (editor: vscode.TextEditor) => unknown): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !DOCUMENTS.some((selector) => selector.language === editor.document.languageId)) {
    void vscode.window.showInformationMessage('preach: open a reply draft (Markdown, plain text or .reply.md) first.');
    return;
  }
  await run(editor);
}

/** The rule under the cursor, or one picked from the list; its docs open as a Markdown preview. */
async function showRuleDocs(ruleId?: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const uri = editor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? '';
  if (!ruleId && editor) {
    const here = vscode.languages
      .getDiagnostics(editor.document.uri)
      .find((d) => d.source === 'preach' && d.range.contains(editor.selection.active) && typeof d.code !== 'undefined');
    ruleId = here ? String(typeof here.code === 'object' ? here.code.value : here.code) : undefined;
  }
  if (!ruleId) {
    const rules = await client!.sendRequest(RulesRequest, { uri });
    const picked = await vscode.window.showQuickPick(
      rules.map((rule) => ({ label: rule.id, description: `${rule.category} · ${rule.severity}`, detail: rule.description })),
      { placeHolder: 'Which rule?', matchOnDetail: true },
    );
    ruleId = picked?.label;
  }
  if (!ruleId) return;
  const docs = await client!.sendRequest(RuleDocsRequest, { uri, ruleId });
  if (!docs) {
    void vscode.window.showWarningMessage(`preach: no rule called "${ruleId}".`);
    return;
  }
  const document = await vscode.workspace.openTextDocument({ content: docs.markdown, language: 'markdown' });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}
