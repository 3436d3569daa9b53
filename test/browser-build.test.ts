import { HANG_GUARD_MS } from './helpers/hang-guard.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium, serveStatic, type StaticServer } from './helpers/browser.js';
import { ROOT, runPreach, scratchDir, writeUnder } from './helpers/cli.js';

/**
 * The browser build (packages/browser/bundle/preach-worker.js) in a Web Worker in headless
 * Chromium, on a page whose Content Security Policy forbids eval, against `preach lint` on the
 * labelled set: the same rules at the same offsets and the same score, for every entry.
 */

const EVAL_DIR = join(ROOT, 'test', 'fixtures', 'eval');
const BUNDLE = join(ROOT, 'packages', 'browser', 'bundle');
if (!hasChromium) console.warn(`browser-build: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);

interface Entry {
  id: string;
  text: string;
  context: Record<string, unknown>;
}
interface Found {
  ruleId: string;
  start: number;
  end: number;
}

const CONTEXT_KEYS: Record<string, string> = { customer_name: 'customerName', customer_message: 'customerMessage', situation: 'situation', channel: 'channel', agent_name: 'agentName', tags: 'tags' };

function entries(): Entry[] {
  return readdirSync(EVAL_DIR)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .flatMap((name) => parse(readFileSync(join(EVAL_DIR, name), 'utf8')) as Entry[])
    .map((entry) => ({ id: entry.id, text: entry.text, context: (entry.context ?? {}) as Record<string, unknown> }));
}

/** The draft as a file the command line reads: the context as front matter, then the reply. */
function asFile(entry: Entry): { source: string; header: string } {
  const header = Object.keys(entry.context).length ? `---\n${stringify(entry.context)}---\n` : '';
  return { source: header + entry.text, header };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) offset = text.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

const byPlace = (a: Found, b: Found) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);

describe.skipIf(!hasChromium)('the browser build against the command line', () => {
  const all = entries();
  const fromCli = new Map<string, { found: Found[]; score: number }>();
  let server: StaticServer;
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const { dir, cleanup } = scratchDir('preach-browser-build-');
    try {
      const names = all.map((entry, index) => {
        const name = `e${String(index).padStart(3, '0')}.md`;
        writeUnder(dir, name, asFile(entry).source);
        return name;
      });
      const run = await runPreach(['lint', '--no-config', '--format', 'json', ...names], { cwd: dir });
      expect(run.stderr).toBe('');
      const results = JSON.parse(run.stdout) as Array<{ file: string; score: number; messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }> }>;
      for (const result of results) {
        const entry = all[Number(/e(\d+)\.md$/.exec(result.file)![1])]!;
        const { source, header } = asFile(entry);
        const found = result.messages.map((m) => ({ ruleId: m.ruleId, start: offsetOf(source, m.line, m.column) - header.length, end: offsetOf(source, m.endLine, m.endColumn) - header.length }));
        fromCli.set(entry.id, { found: found.sort(byPlace), score: result.score });
      }
    } finally {
      cleanup();
    }
    server = await serveStatic({ '/bundle/': BUNDLE }, { pages: { '/': '<!doctype html><title>preach</title><p>worker page</p>' } });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    page.setDefaultTimeout(HANG_GUARD_MS);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds the same rules at the same offsets, with the same score, for every labelled reply', async () => {
    const requests = all.map((entry) => ({
      id: entry.id,
      text: entry.text,
      context: Object.fromEntries(Object.entries(entry.context).map(([key, value]) => [CONTEXT_KEYS[key] ?? key, value])),
    }));
    const answers = await page.evaluate(async (list) => {
      const worker = new Worker('/bundle/preach-worker.js');
      const failures: string[] = [];
      worker.addEventListener('error', (event) => failures.push(event.message));
      const answers: Record<string, { found: Array<{ ruleId: string; start: number; end: number }>; score: number; error?: string }> = {};
      await new Promise<void>((resolve) => {
        let left = list.length;
        worker.onmessage = (event) => {
          const response = event.data;
          const id = list[response.id].id;
          answers[id] =
            response.type === 'check'
              ? { found: response.outcome.findings.map((f: { ruleId: string; start: number; end: number }) => ({ ruleId: f.ruleId, start: f.start, end: f.end })), score: response.outcome.score }
              : { found: [], score: -1, error: response.message };
          if (--left === 0) resolve();
        };
        list.forEach((request, index) => worker.postMessage({ type: 'check', id: index, text: request.text, context: request.context }));
      });
      return { answers, failures };
    }, requests);
    expect(answers.failures).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(Object.keys(answers.answers)).toHaveLength(all.length);
    const differences: string[] = [];
    for (const entry of all) {
      const cli = fromCli.get(entry.id)!;
      const browserAnswer = answers.answers[entry.id]!;
      if (browserAnswer.error) differences.push(`${entry.id}: the browser build failed: ${browserAnswer.error}`);
      const found = [...browserAnswer.found].sort(byPlace);
      if (JSON.stringify(found) !== JSON.stringify(cli.found) || browserAnswer.score !== cli.score) {
        differences.push(`${entry.id}:\n  cli     ${cli.score} ${JSON.stringify(cli.found)}\n  browser ${browserAnswer.score} ${JSON.stringify(found)}`);
      }
    }
    expect(differences.join('\n')).toBe('');
    // The set has findings to compare, not only clean replies.
    expect([...fromCli.values()].filter((r) => r.found.length > 0).length).toBeGreaterThan(100);
  });

  describe('the playground, opened from a file', () => {
    let playground: import('playwright-core').Page;
    const errors: string[] = [];
    const outside: string[] = [];

    beforeAll(async () => {
      playground = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      playground.setDefaultTimeout(HANG_GUARD_MS);
      playground.on('pageerror', (error) => errors.push(error.message));
      playground.on('request', (request) => {
        if (!/^(file|blob|data):/.test(request.url())) outside.push(request.url());
      });
      await playground.goto(pathToFileURL(join(ROOT, 'playground', 'dist', 'index.html')).href);
      await playground.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
    });

    const rule = (source: string) => playground.locator('#rule').fill(source);
    const examples = async () => ({ passed: await playground.locator('#examples').getAttribute('data-passed'), failed: await playground.locator('#examples').getAttribute('data-failed') });

    it("shows the reply's findings, in the conversation's context", async () => {
      // The starter reply greets "Dave"; the customer is Dana Whitfield.
      await playground.locator('#findings li[data-rule="name-mismatch"]').waitFor();
      await playground.locator('#findings li[data-rule="team/no-asap"]').waitFor();
      expect(await playground.locator('#summary').innerText()).toContain('billing-failure');
      await playground.locator('#customer-name').fill('Dave Moreno');
      await playground.locator('#findings li[data-rule="name-mismatch"]').waitFor({ state: 'detached' });
      if (process.env.PREACH_SCREENSHOTS) await playground.screenshot({ path: join(ROOT, 'docs', 'images', 'playground.png') });
    });

    it("runs the rule's examples as it is written, as preach test-rules does", async () => {
      await playground.locator('#examples[data-passed="2"][data-failed="0"]').waitFor();
      // A good example the rule flags fails, naming what went wrong.
      await rule(`id: team/no-asap
kind: existence
category: responsible
message: Say when, not "{{match}}"
tokens: [asap]
examples:
  bad: [We'll get back to you ASAP.]
  good: [We'll get back to you ASAP or by 3pm.]
`);
      await playground.locator('#examples[data-failed="1"]').waitFor();
      expect(await playground.locator('#examples li.fail').innerText()).toContain('good example was flagged');
      expect(await examples()).toEqual({ passed: '1', failed: '1' });
      // A key the rule format does not have is named with its line.
      await rule('id: team/x\nkind: existence\ncategory: responsible\nmessage: m\ntokens: [a]\ntokenz: [b]\n');
      await playground.locator('#rule-problems[data-count="1"]').waitFor();
      expect(await playground.locator('#rule-problems').innerText()).toMatch(/your-rule\.yaml:6:1: tokenz: is not a known key/);
      // Code rules are refused, with where they do run.
      await rule("import { defineRule } from '@preach/core';\nexport default [];\n");
      await playground.locator('#rule-problems[data-count="1"]').waitFor();
      expect(await playground.locator('#rule-problems').innerText()).toContain('code rules are not run in the browser');
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    });
  });
});

