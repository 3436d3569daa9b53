import { HANG_GUARD_MS } from './helpers/hang-guard.mjs';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreach, scratchDir } from './helpers/cli.js';

/**
 * The HTML report as a QA lead uses it, rendered by headless Chromium (Debian's `chromium`),
 * offline, at a desktop width and a phone's: from the agents who need coaching down to the reply,
 * the flagged words and the fix; filters that change the counts; no sideways scroll at 390 px.
 */

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`score-report-browser: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);

/**
 * Sam Lee: 12 conversations over three weeks (enough to be ranked), rated by the customer.
 * Ana Ruiz: 2 conversations, one asking for a password (the lowest scores, but too few to rank).
 */
function transcripts(dated: boolean): string {
  const lines: string[] = [];
  const at = (day: number, minute: number) => (dated ? { timestamp: new Date(Date.UTC(2024, 4, 1 + day, 9, minute)).toISOString() } : {});
  for (let k = 0; k < 12; k++) {
    const reply = k % 3 === 0 ? 'Hi, please utilize the new card form under Billing; it takes a minute.' : "Hi, I've unlocked your account and retried the payment; you'll get a receipt by 3 pm today.";
    lines.push(
      JSON.stringify({
        id: `sam-${k + 1}`,
        channel: k % 2 ? 'chat' : 'email',
        tags: [k % 4 === 0 ? 'vip' : 'billing'],
        ...(dated ? { rating: (k % 5) + 1 } : {}),
        messages: [
          { role: 'customer', author: `c-${k}`, text: 'My card was declined and now my account is locked.', ...at(k * 2, 0) },
          { role: 'agent', author: 'a-7', author_name: 'Sam Lee', text: reply, ...at(k * 2, 5) },
        ],
      }),
    );
  }
  lines.push(
    JSON.stringify({
      id: 'ana-secret',
      channel: 'chat',
      tags: ['login'],
      messages: [
        { role: 'customer', author: 'c-90', text: "I can't log in to my account.", ...at(3, 0) },
        { role: 'agent', author: 'a-9', author_name: 'Ana Ruiz', text: 'Hi Tom, could you send me your password so I can check the account?', ...at(3, 1) },
      ],
    }),
    JSON.stringify({
      id: 'ana-2',
      channel: 'chat',
      tags: ['login'],
      messages: [
        { role: 'customer', author: 'c-91', text: 'How do I reset my password?', ...at(5, 0) },
        { role: 'agent', author: 'a-9', author_name: 'Ana Ruiz', text: 'Kindly utilize the reset link on the sign-in page.', ...at(5, 1) },
      ],
    }),
  );
  return `${lines.join('\n')}\n`;
}

describe.skipIf(!hasChromium)('preach score --format html in a browser', () => {
  let dir: string;
  let cleanup: () => void;
  let browser: import('playwright-core').Browser;
  const outside: string[] = [];
  const pageErrors: string[] = [];
  const reports = { dated: '', undated: '' };

  beforeAll(async () => {
    ({ dir, cleanup } = scratchDir('preach-report-'));
    // The dated report takes its minimum from the config, the undated one from the flag.
    writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\nreport:\n  min_conversations: 5\n');
    writeFileSync(join(dir, 'nodates.yaml'), 'root: true\nextends: [preach:recommended]\n');
    writeFileSync(join(dir, 'dated.jsonl'), transcripts(true));
    writeFileSync(join(dir, 'undated.jsonl'), transcripts(false));
    const [dated, undated] = await Promise.all([
      runPreach(['score', 'dated.jsonl', '--format', 'html', '-o', 'dated.html', '--worst', '0', '--jobs', '1'], { cwd: dir }),
      runPreach(['score', 'undated.jsonl', '--format', 'html', '-o', 'undated.html', '--min-conversations', '5', '--config', 'nodates.yaml', '--jobs', '1'], { cwd: dir }),
    ]);
    for (const run of [dated, undated]) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
    reports.dated = pathToFileURL(join(dir, 'dated.html')).href;
    reports.undated = pathToFileURL(join(dir, 'undated.html')).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    cleanup?.();
  });

  async function open(url: string, width: number) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    // Waits end on what they wait for; only a hang fails one.
    page.setDefaultTimeout(HANG_GUARD_MS);
    page.on('request', (request) => {
      if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) outside.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-ready="true"]');
    return page;
  }

  const chartOf = (page: import('playwright-core').Page, id: string) =>
    page.evaluate((canvasId) => {
      const canvas = document.getElementById(canvasId) as HTMLCanvasElement | null;
      const chart = canvas && (window as any).Chart.getChart(canvas);
      if (!chart) return null;
      return { labels: chart.data.labels as unknown[], data: chart.data.datasets.map((d: any) => d.data as Array<number | null>) };
    }, id);

  it('leads from an agent to their worst conversation, its flagged words and the fix (1280 px)', async () => {
    const page = await open(reports.dated, 1280);
    await page.locator('#agents-table button.link', { hasText: 'Sam Lee' }).click();
    await expect.poll(() => page.locator('#agent-panel h2').textContent()).toContain('Sam Lee');
    expect(await page.locator('#agent-panel').textContent()).toContain('formal-word');
    expect(await page.locator('#conversations-title').textContent()).toBe('Conversations of Sam Lee (12)');
    const items = page.locator('#conversations-list > li.conv');
    expect(await items.count()).toBe(12);
    // Worst first: the replies with "utilize" score lowest.
    const scores = await items.locator('.conv-head .score').allTextContents();
    expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => a - b));
    // Nothing is built until the conversation is opened.
    expect(await page.locator('#conversations-list .conv-body:not(:empty)').count()).toBe(0);
    await items.first().locator('.conv-head').click();
    const body = items.first().locator('.conv-body');
    expect(await body.isVisible()).toBe(true);
    expect(await body.locator('.customer .text').textContent()).toBe('My card was declined and now my account is locked.');
    expect(await body.locator('.agent mark').allTextContents()).toContain('utilize');
    // The reason and the fix are on the page, not in a tooltip.
    const finding = await body.locator('.findings li', { hasText: 'formal-word' }).innerText();
    expect(finding).toMatch(/Fix: replace “utilize” with “use”/);
    await page.close();
  });

  it('keeps agents with too few conversations out of the lowest-agents chart, and marks them', async () => {
    const page = await open(reports.dated, 1280);
    const lowest = await chartOf(page, 'chart-agents');
    expect(lowest!.labels).toEqual(['Sam Lee (12)']);
    const ana = page.locator('#agents-table tbody tr', { hasText: 'Ana Ruiz' });
    expect(await ana.locator('.badge.few').textContent()).toBe('too few to judge');
    // Ranked agents come first, even though Ana's score is lower.
    expect(await page.locator('#agents-table tbody tr').first().textContent()).toContain('Sam Lee');
    await page.close();
  });

  it('filters by tag, channel, rule and dates, and the counts and charts follow', async () => {
    const page = await open(reports.dated, 1280);
    const conversations = () => page.locator('#summary-cards .card').nth(1).locator('.value').textContent();
    const histogram = async () => (await chartOf(page, 'chart-distribution'))!.data[0]!.reduce((sum: number, n) => sum + (n ?? 0), 0);
    expect(await conversations()).toBe('14');
    expect(await histogram()).toBe(14);
    await page.selectOption('#filter-tag', { label: 'vip (3)' });
    expect(await conversations()).toBe('3');
    expect(await histogram()).toBe(3);
    expect(await page.locator('#filter-status').textContent()).toBe('3 of 14 conversations: tag vip');
    await page.click('#filter-reset');
    await page.selectOption('#filter-channel', { label: 'chat (8)' });
    expect(await conversations()).toBe('8');
    await page.click('#filter-reset');
    await page.selectOption('#filter-rule', { label: 'asks-for-secret (1)' });
    expect(await conversations()).toBe('1');
    expect(await page.locator('#conversations-list .conv-head .id').allTextContents()).toEqual(['ana-secret']);
    expect(await page.locator('#rules-table tbody tr').count()).toBe(1);
    await page.click('#filter-reset');
    // 2024-05-01 to 2024-05-07: Sam's first four (days 0, 2, 4, 6) and both of Ana's.
    await page.fill('#filter-from', '2024-05-01');
    await page.fill('#filter-to', '2024-05-07');
    await page.locator('#filter-to').dispatchEvent('change');
    expect(await conversations()).toBe('6');
    await page.close();
  });

  it('draws a weekly trend and the score against the rating when the input has dates and ratings', async () => {
    const page = await open(reports.dated, 1280);
    const trend = await chartOf(page, 'chart-trend');
    // 2024-05-01 is a Wednesday: its week starts on Monday 2024-04-29. Sam on May 1, 3, 5, …, 23;
    // Ana on May 4 and 6.
    expect(trend!.labels).toEqual(['2024-04-29', '2024-05-06', '2024-05-13', '2024-05-20']);
    expect(trend!.data[1]).toEqual([4, 4, 4, 2]);
    const rating = await chartOf(page, 'chart-rating');
    expect(rating!.labels.map((l) => (l as string[])[0])).toEqual(['1', '2', '3', '4', '5']);
    await page.close();
  });

  it('has no trend or rating chart without dates and ratings', async () => {
    const page = await open(reports.undated, 1280);
    expect(await page.locator('#chart-trend').count()).toBe(0);
    expect(await page.locator('#chart-rating').count()).toBe(0);
    expect(await page.locator('#filter-from').count()).toBe(0);
    // --min-conversations 5 from the command line: Ana is too few here too.
    expect((await chartOf(page, 'chart-agents'))!.labels).toEqual(['Sam Lee (12)']);
    // --worst 20 (the default): the lowest conversations are open already.
    expect(await page.locator('#conversations-list .conv-head[aria-expanded="true"]').count()).toBe(14);
    await page.close();
  });

  it('fits a 390 px phone screen with no sideways scroll, conversations open', async () => {
    for (const url of [reports.dated, reports.undated]) {
      const page = await open(url, 390);
      await page.locator('#agents-table button.link', { hasText: 'Ana Ruiz' }).click();
      const head = page.locator('#conversations-list .conv-head').first();
      if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
      expect(await page.locator('#conversations-list .conv-body mark.critical').count()).toBeGreaterThan(0);
      const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
      await page.close();
    }
  });

  it('opened offline, without a script error', () => {
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
