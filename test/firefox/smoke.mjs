// The extension's Firefox build in Debian's Firefox ESR, driven over WebDriver BiDi (Firefox's
// own remote protocol; playwright-core drives only its own Firefox builds): install it, type a
// reply in a ticket page's textarea, and follow the mark, the card, the fix and the undo.
// Run by test/browser-extension-firefox.test.ts with `node --experimental-websocket`; prints one
// line of JSON with what it saw, or throws.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [firefoxPath, build] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'preach-firefox-'));
const profile = join(dir, 'profile');
mkdirSync(profile);
// A clean profile that does not phone home, so the test sees only its own page's requests.
writeFileSync(
  join(profile, 'user.js'),
  ['browser.shell.checkDefaultBrowser', 'datareporting.policy.dataSubmissionEnabled', 'app.update.enabled', 'browser.newtabpage.enabled', 'extensions.update.enabled']
    .map((pref) => `user_pref("${pref}", false);`)
    .join('\n'),
);
const extension = join(dir, 'extension');
cpSync(build, extension, { recursive: true });
const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8'));
// As in the Chromium tests: the test server's origin is granted at install, as a lead's "turn on" grants a help desk's.
manifest.host_permissions = ['http://127.0.0.1/*'];
writeFileSync(join(extension, 'manifest.json'), JSON.stringify(manifest));

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Ticket</title></head>
<body data-preach-site="zendesk" style="font: 16px/1.5 sans-serif; margin: 20px">
<span data-test-id="omni-header-requester-name">Dana Whitfield</span>
<div data-test-id="omni-log-comment-item" data-author-role="end-user"><div data-test-id="omni-log-message-content">My card was declined twice and now my account is locked.</div></div>
<textarea id="reply" style="width: 600px; height: 200px; font: 16px/1.5 sans-serif; margin-top: 20px"></textarea>
</body></html>`;
const requests = [];
const server = createServer((request, response) => {
  requests.push(request.url);
  response.writeHead(request.url === '/' ? 200 : 404, { 'content-type': 'text/html' });
  response.end(request.url === '/' ? PAGE : '');
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const firefox = spawn(firefoxPath, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile], { stdio: ['ignore', 'pipe', 'pipe'] });
try {
  const address = await new Promise((resolve, reject) => {
    const look = (chunk) => {
      const found = /WebDriver BiDi listening on (ws:\S+)/.exec(String(chunk));
      if (found) resolve(found[1]);
    };
    firefox.stdout.on('data', look);
    firefox.stderr.on('data', look);
    firefox.on('exit', (code) => reject(new Error(`Firefox exited (${code}) before it listened`)));
  });
  const socket = new WebSocket(`${address}/session`);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', () => reject(new Error('could not connect to Firefox')));
  });
  let lastId = 0;
  const waiting = new Map();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(event.data);
    if (message.id === undefined || !waiting.has(message.id)) return;
    const { resolve, reject } = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.type === 'error') reject(new Error(`${message.error}: ${message.message}`));
    else resolve(message.result);
  });
  const send = (method, params) =>
    new Promise((resolve, reject) => {
      const id = ++lastId;
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  await send('session.new', { capabilities: {} });
  await send('webExtension.install', { extensionData: { type: 'path', path: extension } });
  const { contexts } = await send('browsingContext.getTree', {});
  const context = contexts[0].context;
  await send('browsingContext.navigate', { context, url: `http://127.0.0.1:${server.address().port}/`, wait: 'complete' });
  /** Runs a function in the page and gives back its (awaited) JSON answer. */
  const inPage = async (fn) => {
    const result = await send('script.callFunction', { functionDeclaration: fn.toString(), target: { context }, awaitPromise: true });
    if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails.text}`);
    return JSON.parse(result.result.value);
  };
  /** Resolves when `test` (run in the page on every change to it) holds, with the value it gave. */
  const whenInPage = async (test) => {
    const declaration = `() => new Promise((resolve) => {
      const check = ${test.toString()};
      let watchedLayer = false;
      const done = () => {
        const layer = document.querySelector('preach-layer');
        if (layer && layer.shadowRoot && !watchedLayer) {
          watchedLayer = true;
          observer.observe(layer.shadowRoot, { subtree: true, childList: true, attributes: true });
        }
        const value = check();
        if (value) {
          observer.disconnect();
          resolve(JSON.stringify(value));
        }
      };
      const observer = new MutationObserver(done);
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
      document.addEventListener('input', done);
      done();
    })`;
    const result = await send('script.callFunction', { functionDeclaration: declaration, target: { context }, awaitPromise: true });
    if (result.type === 'exception') throw new Error(`in the page: ${result.exceptionDetails.text}`);
    return JSON.parse(result.result.value);
  };
  const keys = (text) => ({ type: 'key', id: 'keyboard', actions: [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]) });
  const click = (x, y) => ({ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y) }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] });

  // The agent clicks into the reply box: the content script (registered, or injected into the
  // open tab when the site was turned on) makes its layer.
  const box = await inPage(() => JSON.stringify(document.getElementById('reply').getBoundingClientRect()));
  await send('input.performActions', { context, actions: [click(box.x + 20, box.y + 20)] });
  await send('input.performActions', { context, actions: [keys('Hi Dave, we have unlocked your account.')] });
  const typed = 'Hi Dave, we have unlocked your account.';
  // The layer exists once the box was focused; the mark appears under "Dave".
  await whenInPage(() => document.querySelector('preach-layer')?.shadowRoot?.querySelector('[data-preach-mark][data-rule="name-mismatch"]') && true);
  const mark = await whenInPage(() => {
    const found = document.querySelector('preach-layer').shadowRoot.querySelector('[data-preach-mark][data-rule="name-mismatch"]');
    const rect = found?.getBoundingClientRect();
    return rect && { x: rect.x, y: rect.y, width: rect.width };
  });
  const badge = await whenInPage(() => {
    const found = document.querySelector('preach-layer').shadowRoot.querySelector('[data-preach-badge]');
    return found?.dataset.score && { score: Number(found.dataset.score), situation: found.dataset.situation };
  });
  // The card opens on the word; its first fix goes in through the textarea, as typing.
  await send('input.performActions', { context, actions: [click(mark.x + mark.width / 2, mark.y - 8)] });
  const fix = await whenInPage(() => {
    const card = document.querySelector('preach-layer').shadowRoot.querySelector('[data-preach-card]:not([hidden])');
    const button = card?.querySelector('[data-preach-fix="0"]');
    const rect = button?.getBoundingClientRect();
    return rect && { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, rule: card.dataset.rule, text: button.textContent };
  });
  await send('input.performActions', { context, actions: [click(fix.x, fix.y)] });
  const fixed = await whenInPage(() => document.getElementById('reply').value.includes('Dana') && document.getElementById('reply').value);
  // Firefox's own undo in the textarea takes it back.
  await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE009' }, { type: 'keyDown', value: 'z' }, { type: 'keyUp', value: 'z' }, { type: 'keyUp', value: '\uE009' }] }] });
  const undone = await whenInPage(() => !document.getElementById('reply').value.includes('Dana') && document.getElementById('reply').value);
  console.log(JSON.stringify({ typed, badge, card: { rule: fix.rule, fix: fix.text }, fixed, undone, requests }));
  await send('session.end', {}).catch(() => undefined);
} finally {
  firefox.kill();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
