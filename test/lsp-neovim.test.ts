import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HANG_GUARD_MS } from './helpers/hang-guard.mjs';
import { PREACH_BIN, ROOT } from './lsp-client.mjs';

// Headless Neovim with the config from docs/editors.md, talking to `preach lsp --stdio`.

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const hasNvim = nvim.status === 0;
if (!hasNvim) console.warn('lsp-neovim: skipped, nvim is not installed (apt-get install neovim)');

/** The first Lua block of the Neovim section: what users copy into init.lua. */
function documentedConfig(): string {
  const docs = readFileSync(join(ROOT, 'docs', 'editors.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Neovim'));
  return /```lua\n([\s\S]*?)```/.exec(section)![1]!;
}

/** Each of the probe's three waits (diagnostics, code actions, hover): together, one hang guard. */
const PROBE_WAIT_MS = HANG_GUARD_MS / 3;

// Runs inside Neovim after the draft is loaded: waits for preach, then reports what it sees.
const PROBE = `
local out = os.getenv('PREACH_PROBE_OUT')
local result = { diagnostics = {}, actions = {}, hover = '' }
local ok, problem = pcall(function()
  vim.wait(${PROBE_WAIT_MS}, function() return #vim.diagnostic.get(0) > 0 end, 50)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message, source = d.source, code = lsp.code, severity = d.severity })
    if lsp.code == 'formal-word' and #result.actions == 0 then
      local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
      local diagnostic = { range = range, code = lsp.code, source = d.source, message = d.message, severity = d.severity, data = lsp.data }
      local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, range = range, context = { diagnostics = { diagnostic } } }
      for _, response in pairs(vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, ${PROBE_WAIT_MS}) or {}) do
        for _, action in ipairs(response.result or {}) do table.insert(result.actions, action.title) end
      end
      for _, response in pairs(vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(0) }, position = range.start }, ${PROBE_WAIT_MS}) or {}) do
        if response.result then result.hover = response.result.contents.value end
      end
    end
  end
end)
if not ok then result.error = tostring(problem) end
local file = io.open(out, 'w')
file:write(vim.fn.json_encode(result))
file:close()
vim.cmd('qa!')
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'preach-nvim-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.skipIf(!hasNvim)('Neovim’s built-in client shows preach diagnostics, code actions and hovers', async () => {
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(PREACH_BIN, join(bin, 'preach'));
  const workspace = join(dir, 'ws');
  mkdirSync(workspace);
  writeFileSync(join(workspace, '.preachrc.yaml'), 'extends: preach:recommended\n');
  writeFileSync(join(workspace, 'draft.md'), 'Hi Priya,\n\nPlease utilize the billing page.\n');
  writeFileSync(join(dir, 'init.lua'), documentedConfig());
  writeFileSync(join(dir, 'probe.lua'), PROBE);
  const out = join(dir, 'out.json');
  const child = spawn('nvim', ['--headless', '-u', join(dir, 'init.lua'), '-i', 'NONE', 'draft.md', '-c', `luafile ${join(dir, 'probe.lua')}`], {
    cwd: workspace,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, PREACH_PROBE_OUT: out, XDG_STATE_HOME: join(dir, 'state'), XDG_DATA_HOME: join(dir, 'data'), XDG_CACHE_HOME: join(dir, 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = setTimeout(() => child.kill(), HANG_GUARD_MS);
  const status = await new Promise((resolve) => child.on('exit', resolve));
  clearTimeout(timer);
  expect(status, output).toBe(0);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  expect(result.error).toBeUndefined();
  const formal = result.diagnostics.find((d: any) => d.code === 'formal-word');
  expect(formal).toMatchObject({ lnum: 2, col: 'Please '.length, end_col: 'Please utilize'.length, source: 'preach' });
  expect(result.actions).toContain('Replace with “use”');
  expect(result.actions).toContain('Disable formal-word for this draft');
  expect(result.hover).toContain('**Why:**');
});
