import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runPreach, scratchDir } from './helpers/cli.js';

/**
 * The HTML report as a reviewer sees it: rendered by headless Chromium (Debian's `chromium`),
 * offline, with the charts drawn and the tables sortable.
 */

const CHROMIUM = '/usr/bin/chromium';
const TRANSCRIPTS = join(ROOT, '..', 'shared', 'data', 'transcripts', 'twcs-sample.jsonl');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'transcripts', 'conversations.jsonl');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`score-report-browser: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);
if (!existsSync(TRANSCRIPTS)) console.warn(`score-report-browser: ${TRANSCRIPTS} not found, rendering the small fixture instead of the real transcripts`);

describe.skipIf(!hasChromium)('preach score --format html in a browser', () => {
  let dir: string;
  let cleanup: () => void;
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const outside: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    ({ dir, cleanup } = scratchDir('preach-report-'));
    writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
    const input = existsSync(TRANSCRIPTS) ? TRANSCRIPTS : FIXTURE;
    const run = await runPreach(['score', input, '--format', 'html', '-o', 'report.html'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) outside.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    cleanup?.();
  });

  it('opens offline without errors', () => {
    expect(outside).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('draws the score distribution, per-category and per-agent charts with Chart.js', async () => {
    for (const id of ['chart-distribution', 'chart-categories', 'chart-agents']) {
      const drawn = await page.evaluate((canvasId) => {
        const canvas = document.getElementById(canvasId) as HTMLCanvasElement;
        const chart = (window as any).Chart.getChart(canvas);
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted++;
        return { chart: Boolean(chart), type: chart?.config.type, bars: chart?.data.datasets[0].data.length ?? 0, width: canvas.width, painted };
      }, id);
      expect(drawn.chart, id).toBe(true);
      expect(drawn.type).toBe('bar');
      expect(drawn.bars).toBeGreaterThan(0);
      expect(drawn.width).toBeGreaterThan(100);
      expect(drawn.painted, `${id} has painted pixels`).toBeGreaterThan(1000);
    }
    const bars = await page.evaluate(() => (window as any).Chart.getChart(document.getElementById('chart-categories')).data.labels);
    expect(bars).toEqual(['P · Proud', 'R · Responsible', 'E · Empathetic', 'A · Articulate', 'C · Concise', 'H · Human']);
  });

  it('shows the agents, rules and conversations tables', async () => {
    const rows = await page.evaluate(() => ({
      agents: document.querySelectorAll('#agents-table tbody tr').length,
      rules: document.querySelectorAll('#rules-table tbody tr').length,
      conversations: document.querySelectorAll('#conversations-table tbody tr').length,
    }));
    expect(rows.agents).toBeGreaterThan(1);
    expect(rows.rules).toBeGreaterThan(0);
    expect(rows.conversations).toBeGreaterThan(2);
  });

  it('sorts a table when a reviewer clicks a column header', async () => {
    const scores = () => page.$$eval('#conversations-table tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('td')[1]!.getAttribute('data-sort')).filter((v) => v !== '').map(Number));
    const header = page.locator('#conversations-table th', { hasText: /^score/ });
    await header.click();
    const ascending = await scores();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await header.click();
    const descending = await scores();
    expect(descending).toEqual([...ascending].sort((a, b) => b - a));
    expect(await header.getAttribute('aria-sort')).toBe('descending');
  });

  it('shows the worst conversations with their flagged words highlighted', async () => {
    const worst = await page.$$eval('article.conversation', (articles) =>
      articles.map((article) => ({ marks: article.querySelectorAll('mark').length, title: article.querySelector('mark')?.getAttribute('title') ?? '' })),
    );
    expect(worst.length).toBeGreaterThan(0);
    expect(worst[0]!.marks).toBeGreaterThan(0);
    expect(worst[0]!.title).toMatch(/^[a-z-]+: /);
  });
});
