#!/usr/bin/env node
// End-to-end test of the VS Code extension in a real VS Code (code-server 4.100.3 = VS Code 1.100)
// driven by Chromium: packages the .vsix, installs it, opens a reply draft and checks squiggles,
// Problems entries, a quick fix, the hover and the status bar. Not part of `npm test`: run
// `npm run test:vscode` (needs code-server set up by the real-vscode tool, see docs/editors.md).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CS = process.env.CS_DIR ?? join(tmpdir(), 'code-server');
const SETUP = process.env.REAL_VSCODE_SETUP ?? '/work/shared/tools/real-vscode/setup.sh';
const PORT = Number(process.env.PREACH_VSCODE_PORT ?? 8137);
const CODE_SERVER = join(CS, 'app', 'node_modules', '.bin', 'code-server');
const SHOTS = process.env.PREACH_SCREENSHOTS ?? join(ROOT, 'docs', 'images');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const log = (message) => console.log(`[vscode-e2e] ${message}`);
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
  if (!ok) throw new Error(`failed: ${name}`);
};

if (!existsSync(CODE_SERVER)) {
  if (!existsSync(SETUP)) {
    console.error(`code-server is not set up in ${CS} and ${SETUP} is missing.\nSet CS_DIR to a code-server made by the real-vscode setup.sh, or REAL_VSCODE_SETUP to that script.`);
    process.exit(2);
  }
  log(`setting up code-server in ${CS} (about two minutes)`);
  mkdirSync(CS, { recursive: true });
  execFileSync('bash', [SETUP], { stdio: 'inherit', env: { ...process.env, CS_DIR: CS, KEEP_RUNNING: '0' }, cwd: CS });
}
if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM).`);
  process.exit(2);
}

log('packaging the extension');
execFileSync('npm', ['run', 'package', '--silent'], { cwd: join(ROOT, 'extension'), stdio: ['ignore', 'ignore', 'inherit'] });
const vsix = join(ROOT, 'extension', 'preach-vscode.vsix');

const state = mkdtempSync(join(tmpdir(), 'preach-vscode-'));
const userData = join(state, 'data');
const extensions = join(state, 'ext');
const workspace = join(state, 'ws');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(workspace);
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'workbench.enableExperiments': false,
    'workbench.tips.enabled': false,
    'editor.hover.delay': 200,
  }),
);
writeFileSync(join(workspace, '.preachrc.yaml'), '# team config\nextends: preach:recommended\n');
const draft = [
  '---',
  'customer_name: Priya Raman',
  'customer_message: My card was declined and now my account is locked. Nobody answers my emails.',
  'channel: email',
  '---',
  'Hi there!',
  '',
  'Please utilize the billing page to add a new card prior to Friday. We will get back to you soon.',
  '',
  'Thanks,',
  'Sam',
  '',
].join('\n');
writeFileSync(join(workspace, 'refund.reply.md'), draft);

const env = { ...process.env, XDG_CONFIG_HOME: join(state, 'xdg', 'config'), XDG_DATA_HOME: join(state, 'xdg', 'data'), XDG_CACHE_HOME: join(state, 'xdg', 'cache'), XDG_STATE_HOME: join(state, 'xdg', 'state') };
const base = ['--user-data-dir', userData, '--extensions-dir', extensions];
log('installing the .vsix');
execFileSync(CODE_SERVER, [...base, '--install-extension', vsix, '--force'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
const listed = execFileSync(CODE_SERVER, [...base, '--list-extensions', '--show-versions'], { env }).toString();
check('the .vsix installs into VS Code', /^preach\.preach-vscode@/m.test(listed), listed.trim());

log(`starting code-server on 127.0.0.1:${PORT}`);
const server = spawn(CODE_SERVER, [...base, '--auth', 'none', '--bind-addr', `127.0.0.1:${PORT}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', workspace], {
  env,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let serverLog = '';
server.stdout.on('data', (chunk) => (serverLog += chunk));
server.stderr.on('data', (chunk) => (serverLog += chunk));
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already stopped
  }
};

let browser;
let failed = false;
try {
  for (let i = 0; i < 60; i++) {
    const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (error) => log(`pageerror: ${error.message.slice(0, 200)}`));
  await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 90_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });

  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20_000 });
  await page.keyboard.type('refund.reply.md');
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines:has-text("Please utilize")', { timeout: 20_000 });
  const language = await page.locator('.statusbar-item[id="status.editor.mode"]').innerText({ timeout: 20_000 });
  check('*.reply.md opens as a support reply draft', /Support reply/.test(language), language);

  await page.waitForSelector('.monaco-editor .squiggly-info, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-error', { timeout: 60_000 });
  const squiggles = await page.locator('.monaco-editor [class*="squiggly-"]').count();
  check('squiggles appear in the draft', squiggles > 0, `${squiggles} squiggles`);

  const status = page.locator('.statusbar-item', { hasText: /preach \d+/ }).first();
  await status.waitFor({ timeout: 30_000 });
  const statusText = (await status.innerText()).replace(/\s+/g, ' ').trim();
  check('the status bar shows the score and the inferred situation', /preach \d+ · billing-failure/.test(statusText), statusText);

  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'formal-word' }).first();
  await problem.waitFor({ timeout: 20_000 });
  const problemRows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
  check('the Problems panel lists preach problems with their rule ids', problemRows.some((row) => row.includes('utilize')), `${problemRows.length} rows, e.g. ${(await problem.innerText()).replace(/\s+/g, ' ')}`);
  check('a problem for the customer’s name (from front matter context)', problemRows.some((row) => /name-missing/.test(row)));
  await page.screenshot({ path: join(SHOTS, 'vscode-extension.png') });

  // Hover over "utilize" (line 8 of the file): the rule's why and a good example.
  await page.keyboard.press('Control+G');
  await page.keyboard.type(':8:10');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Why:' }).first();
  await hover.waitFor({ timeout: 20_000 });
  const hoverText = (await hover.innerText()).replace(/\s+/g, ' ');
  check('hovering a problem shows why and a good example', hoverText.includes('formal-word') && hoverText.includes('Good:'), hoverText.slice(0, 160));
  await page.screenshot({ path: join(SHOTS, 'vscode-hover.png') });
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+.');
  const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Replace with “use”' }).first();
  await fix.waitFor({ timeout: 20_000 });
  const actions = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
  check('the quick fix menu offers the fix and disabling the rule', actions.some((a) => a.includes('Disable formal-word for this draft')), actions.map((a) => a.trim()).join(' | '));
  await page.screenshot({ path: join(SHOTS, 'vscode-quick-fix.png') });
  // The preferred fix is first and focused.
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines:has-text("Please use the billing page")', { timeout: 20_000 });
  check('applying the quick fix edits the draft', true);
  await page.waitForFunction(() => ![...document.querySelectorAll('.markers-panel .monaco-list-row')].some((row) => row.textContent?.includes('utilize')), null, { timeout: 20_000 });
  check('the fixed problem leaves the Problems panel', true);

  await status.click();
  const picker = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Situation' }).first();
  await picker.waitFor({ timeout: 20_000 });
  const pickerRows = await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
  check('clicking the status bar opens the context picker', pickerRows.some((r) => r.includes("Customer's name")), pickerRows.map((r) => r.replace(/\s+/g, ' ').trim()).join(' | '));
  await page.keyboard.type('Situation');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'outage' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.type('outage');
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item', { hasText: /preach \d+ · outage/ }).first().waitFor({ timeout: 20_000 });
  check('setting the situation updates the status bar', true);
  await page.screenshot({ path: join(SHOTS, 'vscode-status-bar.png') });

  const command = async (title) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 20_000 });
    await page.keyboard.type(title);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20_000 });
    if (process.env.PREACH_E2E_DEBUG) await page.screenshot({ path: join(state, `palette-${title.replace(/\W+/g, '-')}.png`) });
    await page.keyboard.press('Enter');
  };

  await command('preach: Restart language server');
  await page.locator('.statusbar-item', { hasText: /preach \d+/ }).first().waitFor({ state: 'hidden', timeout: 20_000 });
  await page.locator('.statusbar-item', { hasText: /preach \d+ · outage/ }).first().waitFor({ timeout: 60_000 });
  check('after a server restart, the context set for the draft is sent again', true);

  await command('preach: Fix all problems in this draft');
  await page.waitForSelector('.monaco-editor .view-lines:has-text("before Friday")', { timeout: 20_000 });
  check('"Fix all" applies the remaining fixes', true);

  await command('preach: Show rule docs');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'formal-word' }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.type('formal-word');
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: 'Preview' }).first().waitFor({ timeout: 30_000 });
  let docsShown = false;
  for (let i = 0; i < 40 && !docsShown; i++) {
    for (const frame of page.frames()) {
      const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes('formal-word') && text.includes('Why')) docsShown = true;
    }
    if (!docsShown) await page.waitForTimeout(500);
  }
  check('"Show rule docs" opens the rule\'s docs as a Markdown preview', docsShown);
  await page.screenshot({ path: join(state, 'rule-docs.png') });

} catch (error) {
  failed = true;
  console.log(`✗ ${error.message.split('\n')[0]}`);
  if (browser) {
    const [page] = browser.contexts()[0]?.pages() ?? [];
    await page?.screenshot({ path: join(state, 'failure.png') }).catch(() => undefined);
    log(`failure screenshot: ${join(state, 'failure.png')}`);
  }
  log(`code-server log tail:\n${serverLog.slice(-1500)}`);
} finally {
  await browser?.close();
  stopServer();
  if (!failed) rmSync(state, { recursive: true, force: true });
}
const passed = checks.filter((c) => c.ok).length;
console.log(`${passed} passed, ${checks.length - passed + (failed && checks.every((c) => c.ok) ? 1 : 0)} failed`);
process.exit(failed ? 1 : 0);
