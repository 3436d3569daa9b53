// The extension's background: the checker. Replies are checked here, in the extension's own
// worker, never on the page's thread and never over the network.
import { createHandler, type CheckerRequest } from '@preach/browser';
import { extensionApi } from './api.js';
import { forgetOldReplies } from './ignores.js';
import { loadTeam, toSetup, type SetupStatus } from './team.js';

const api = extensionApi();
const handle = createHandler();
const SCRIPT_ID = 'preach-sites';

/** The team's config and packs, applied before the first check after a start. */
let ready: Promise<SetupStatus> | undefined;
function applyTeam(): Promise<SetupStatus> {
  ready = loadTeam().then(async (team) => {
    const response = handle({ type: 'setup', id: 0, setup: toSetup(team) });
    const status: SetupStatus = response.type === 'setup' ? { problems: response.problems, packRules: response.packRules, rules: response.rules, at: Date.now() } : { problems: [{ file: 'setup', message: response.type === 'error' ? response.message : 'unexpected answer', text: 'setup failed' }], packRules: 0, rules: 0, at: Date.now() };
    await api.storage.local.set({ setupStatus: status });
    return status;
  });
  return ready;
}

api.runtime.onConnect.addListener((port) => {
  if (port.name !== 'preach-check') return;
  port.onMessage.addListener(async (request: CheckerRequest) => {
    await (ready ?? applyTeam());
    port.postMessage(handle(request));
  });
});

api.runtime.onMessage.addListener((message: { type?: string }, _sender, reply) => {
  if (message?.type === 'apply-team') {
    void applyTeam().then(reply);
    return true;
  }
  return false;
});

/**
 * The content script runs on the sites the team turned on, and only there: one registration for
 * every origin the extension holds a host permission for, redone whenever permissions change.
 */
async function registerSites(): Promise<void> {
  const { origins = [] } = await api.permissions.getAll();
  const matches = origins.filter((origin) => /^(https?|file):/.test(origin) || origin.startsWith('*://'));
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length) {
    await api.scripting.registerContentScripts([{ id: SCRIPT_ID, matches, js: ['content.js'], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true }]);
    // Tabs of those sites that are already open get it too, without a reload (the content script
    // runs once per page however often it is injected).
    const open = await api.tabs.query({ url: matches });
    await Promise.all(open.map((tab) => (tab.id === undefined ? undefined : api.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: ['content.js'] }).catch(() => undefined))));
  }
  await api.storage.local.set({ registeredSites: matches });
}

/** Registrations one after another: two at once would both find none and both register. */
let syncing: Promise<void> = Promise.resolve();
function syncSites(): void {
  syncing = syncing.then(registerSites).catch((error: Error) => console.error('preach: could not register the content script:', error.message));
}

api.permissions.onAdded.addListener(syncSites);
api.permissions.onRemoved.addListener(syncSites);
api.runtime.onStartup.addListener(() => void forgetOldReplies());
// Each time the background starts: after an install or update, and after the browser stopped it.
syncSites();

// The toolbar button opens the team settings.
api.action.onClicked.addListener(() => void api.runtime.openOptionsPage());
