import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGES, writePages, type TicketPage } from './browser-extension/pages.js';
import { CHROMIUM, hasChromium, serveStatic, type StaticServer } from './helpers/browser.js';
import { ROOT, scratchDir } from './helpers/cli.js';
import { launchWithExtension, type LoadedExtension } from './helpers/extension.js';

/**
 * The extension as an agent meets it: Chromium with the unpacked build loaded, ticket pages laid
 * out like each help desk with a real editor from npm, and an agent typing a reply.
 */

if (!hasChromium) console.warn(`browser-extension: skipped, ${CHROMIUM} not found (apt-get install -y chromium)`);
const SCREENSHOTS = process.env.PREACH_SCREENSHOTS ? join(ROOT, 'docs', 'images') : undefined;

// "Dave" is not the customer's name (the page says Dana Whitfield): name-mismatch, with the fix "Dana".
const GREETING = 'Hi Dave,';
const BODY = 'I have unlocked your account and retried the payment, so you can log in now.';
const HOSTED_RULE = `id: team/no-per-my-last
kind: existence
category: empathetic
message: Saying "per my last email" reads as a reproach
tokens: [per my last email]
examples:
  bad: [As per my last email, it is fixed.]
  good: [As I wrote on Monday, it is fixed.]
`;
const TEAM_RULE = `id: team/no-asap
kind: existence
category: responsible
message: Say when, not "{{match}}"
tokens: [asap]
examples:
  bad: [We will fix it asap.]
  good: [We will fix it by 3pm.]
`;

describe.skipIf(!hasChromium)('the browser extension in Chromium', () => {
  let server: StaticServer;
  let browser: LoadedExtension;
  let cleanup: () => void;
  const outside: string[] = [];

  beforeAll(async () => {
    const scratch = scratchDir('preach-extension-pages-');
    cleanup = scratch.cleanup;
    await writePages(scratch.dir);
    writeFileSync(join(scratch.dir, 'hosted-rules.yaml'), HOSTED_RULE);
    server = await serveStatic({ '/': scratch.dir });
    browser = await launchWithExtension(['http://127.0.0.1/*']);
    browser.context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(server.url) && !url.startsWith('chrome-extension:') && !url.startsWith('data:')) outside.push(url);
    });
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanup?.();
  });

  async function open(ticket: TicketPage) {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/${ticket.file}`);
    const editor = page.locator('#reply');
    await editor.click();
    // The content script makes its layer when the agent first focuses a reply box.
    await page.locator('preach-layer').waitFor({ state: 'attached' });
    return { page, editor, errors };
  }

  /** Waits until the extension has finished `count` checks on this page. */
  async function checksDone(page: import('playwright-core').Page, count: number) {
    await page.waitForFunction((n) => Number(document.querySelector('preach-layer')?.getAttribute('data-checks') ?? 0) >= n, count);
  }

  /** Waits until the extension has checked a text of this length (the reply as it now is). */
  async function checkedText(page: import('playwright-core').Page, length: number) {
    await page.waitForFunction((n) => document.querySelector('preach-layer')?.getAttribute('data-checked-length') === String(n), length);
  }

  /**
   * Types a reply as a person does: the page draws the new line before the next key. Trix finds
   * where the caret is from what it drew, and draws on the next frame; a key that comes before
   * that (keys from a test come faster than frames) gets a second line break.
   */
  async function typeReply(page: import('playwright-core').Page, greeting: string) {
    await page.keyboard.type(greeting);
    await page.keyboard.press('Enter');
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    await page.keyboard.type(BODY);
  }

  /**
   * Waits until the editor holds `expected`, typed on from a beginning of it. Some editors take
   * the keys into their own document a moment after the browser does, so the text goes through
   * beginnings of `expected`; one that is not fails at once, showing both texts.
   */
  async function textBecomes(page: import('playwright-core').Page, expected: string) {
    const settled = await page.waitForFunction((wanted) => {
      const now: string = (window as any).editorText();
      return (now === wanted || !wanted.startsWith(now)) && { now };
    }, expected);
    expect(((await settled.jsonValue()) as { now: string }).now).toBe(expected);
  }

  /**
   * The editor's text once an edit has changed it from `before`. The test then says what it must
   * be, so an edit that does something else fails at once, showing both texts, instead of waiting
   * for a text that will never come. Only an edit that changes nothing waits for the hang guard.
   */
  async function textChangedFrom(page: import('playwright-core').Page, before: string): Promise<string> {
    const changed = await page
      .waitForFunction((was) => {
        const now: string = (window as any).editorText();
        return now !== was && { now };
      }, before)
      .catch((error: Error) => {
        throw new Error(`the editor's text stayed ${JSON.stringify(before)}: ${error.message}`);
      });
    return ((await changed.jsonValue()) as { now: string }).now;
  }

  const checks = (page: import('playwright-core').Page) => page.evaluate(() => Number(document.querySelector('preach-layer')?.getAttribute('data-checks') ?? 0));

  for (const ticket of PAGES) {
    it(`${ticket.site} with ${ticket.editor}: marks, card, fix with the editor's undo, badge, ignore, and the text sent`, async () => {
      const { page, editor, errors } = await open(ticket);
      await typeReply(page, GREETING);
      const typed = `${GREETING}${ticket.paragraphBreak}${BODY}`;
      await textBecomes(page, typed);

      // The mark appears under "Dave", from the customer's name the site adapter read.
      const mark = page.locator('[data-preach-mark][data-rule="name-mismatch"]').first();
      await mark.waitFor();
      const badge = page.locator('[data-preach-badge]');
      await page.waitForFunction(() => (document.querySelector('preach-layer')?.shadowRoot?.querySelector('[data-preach-badge]') as HTMLElement | null)?.dataset.score !== undefined);
      const scoreBefore = Number(await badge.getAttribute('data-score'));
      // The customer's message says their card was declined: the situation comes from the page.
      expect(await badge.getAttribute('data-situation')).toBe('billing-failure');
      // Measured in the page in one go: a later check may draw the marks again between two steps.
      const markBox = await drawnMarkBox(page, 'name-mismatch');
      const daveBox = await wordBox(page, 'Dave');
      expect(markBox.x).toBeGreaterThanOrEqual(daveBox.x - 2);
      expect(markBox.x + markBox.width).toBeLessThanOrEqual(daveBox.x + daveBox.width + 2);
      expect(Math.abs(markBox.y - (daveBox.y + daveBox.height))).toBeLessThan(6);
      if (SCREENSHOTS && ticket.editor === 'prosemirror') await page.screenshot({ path: join(SCREENSHOTS, 'extension-mark.png') });

      // The card opens on the word, with the message, the why, and the fix.
      await page.mouse.click(daveBox.x + daveBox.width / 2, daveBox.y + daveBox.height / 2);
      const card = page.locator('[data-preach-card]');
      await card.waitFor({ state: 'visible' });
      expect(await card.getAttribute('data-rule')).toBe('name-mismatch');
      expect(await card.innerText()).toContain('Dana');
      if (SCREENSHOTS && ticket.editor === 'prosemirror') await page.screenshot({ path: join(SCREENSHOTS, 'extension-card.png') });

      // The fix goes through the editor, as typing would.
      const before = await checks(page);
      await card.locator('[data-preach-fix="0"]').click();
      const fixed = typed.replace('Dave', 'Dana');
      expect(await textChangedFrom(page, typed)).toBe(fixed);
      await checksDone(page, before + 1);
      await page.locator('[data-preach-mark][data-rule="name-mismatch"]').waitFor({ state: 'detached' });
      // Some editors apply the fix in steps (the old word out, the new one in), each checked in
      // turn, and the checked text has the same length before and after: wait for the score of
      // the fixed reply rather than for any check.
      await page.waitForFunction(
        (score) => Number((document.querySelector('preach-layer')?.shadowRoot?.querySelector('[data-preach-badge]') as HTMLElement | null)?.dataset.score) > score,
        scoreBefore,
      );

      // The editor's own undo takes the fix back.
      await editor.focus();
      await page.keyboard.press('Control+z');
      const undone = await textChangedFrom(page, fixed);
      if (ticket.undo === 'grouped') {
        // The fix goes, and with it as much of the typing before it as the editor's clock joined to it.
        expect(typed.startsWith(undone) && !undone.includes('Dana'), `after undo: ${JSON.stringify(undone)}`).toBe(true);
        if (undone !== typed) {
          // Type the reply again for the rest of the test.
          await page.keyboard.press('Control+a');
          await typeReply(page, GREETING);
          await textBecomes(page, typed);
        }
      } else {
        expect(undone).toBe(typed);
      }
      await mark.waitFor();

      // "Ignore here": the finding goes, and stays gone as the agent goes on typing.
      const dave = await wordBox(page, 'Dave');
      await page.mouse.click(dave.x + dave.width / 2, dave.y + dave.height / 2);
      await card.waitFor({ state: 'visible' });
      await card.locator('[data-preach-ignore="here"]').click();
      await page.locator('[data-preach-mark][data-rule="name-mismatch"]').waitFor({ state: 'detached' });
      await editor.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Thanks for waiting.');
      await textBecomes(page, `${typed} Thanks for waiting.`);
      await checkedText(page, `${typed} Thanks for waiting.`.length);
      expect(await page.locator('[data-preach-mark][data-rule="name-mismatch"]').count()).toBe(0);
      if (SCREENSHOTS && ticket.editor === 'prosemirror') await page.screenshot({ path: join(SCREENSHOTS, 'extension-badge.png') });

      // What the help desk sends is exactly what the agent wrote: nothing of preach's in it.
      await page.locator('#send').click();
      expect(await page.evaluate(() => (window as any).sent)).toBe(`${typed} Thanks for waiting.`);
      expect(await page.evaluate(() => document.querySelector('#composer')!.innerHTML)).not.toMatch(/preach/i);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it("makes a fix an undo step of its own even when the browser tells the editor of the selection late (Trix)", async () => {
    // Trix learns of the selection from the browser's selectionchange event. Should the fix come
    // before it, Trix takes it for typing on at the caret and joins it to the typing before it:
    // one Ctrl+Z then takes back the whole reply. A busy machine does this now and then; this
    // page does it every time.
    const { page, editor, errors } = await open(PAGES.find((ticket) => ticket.editor === 'trix')!);
    // Not "Hi Dave,": the test above ignores that finding on this ticket, and ignores are kept.
    const greeting = 'Hello Dave,';
    await typeReply(page, greeting);
    const typed = `${greeting}\n${BODY}`;
    await textBecomes(page, typed);
    await page.locator('[data-preach-mark][data-rule="name-mismatch"]').first().waitFor();
    const dave = await wordBox(page, 'Dave');
    await page.mouse.click(dave.x + dave.width / 2, dave.y + dave.height / 2);
    const card = page.locator('[data-preach-card]');
    await card.waitFor({ state: 'visible' });

    await page.evaluate(() => Object.assign(window, { selectionReportedAfterFrames: 4 }));
    await card.locator('[data-preach-fix="0"]').click();
    expect(await textChangedFrom(page, typed)).toBe(typed.replace('Dave', 'Dana'));
    await page.evaluate(() => Object.assign(window, { selectionReportedAfterFrames: 0 }));

    await editor.focus();
    await page.keyboard.press('Control+z');
    expect(await textChangedFrom(page, typed.replace('Dave', 'Dana'))).toBe(typed);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the agent set the situation from the badge and ignore a rule for the reply, and never sends a request of its own', async () => {
    const { page } = await open(PAGES[0]!);
    await page.keyboard.type('Thanks for reaching out! Our engineers are looking at it.');
    const badge = page.locator('[data-preach-badge]');
    await page.waitForFunction(() => (document.querySelector('preach-layer')?.shadowRoot?.querySelector('[data-preach-badge]') as HTMLElement | null)?.dataset.situation === 'billing-failure');
    await badge.click();
    const select = page.locator('[data-preach-situation]');
    await select.waitFor({ state: 'visible' });
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'extension-situation.png') });
    await select.selectOption('outage');
    await page.waitForFunction(() => (document.querySelector('preach-layer')?.shadowRoot?.querySelector('[data-preach-badge]') as HTMLElement | null)?.dataset.situation === 'outage');

    // "Ignore this rule for this reply": its marks go, and new ones do not come.
    await page.locator('#reply').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' We will fix it asap.');
    const vague = page.locator('[data-preach-mark][data-rule="vague-timeline"]').first();
    await vague.waitFor();
    const asap = await wordBox(page, 'asap');
    await page.mouse.click(asap.x + asap.width / 2, asap.y + asap.height / 2);
    const card = page.locator('[data-preach-card]');
    await card.waitFor({ state: 'visible' });
    expect(await card.getAttribute('data-rule')).toBe('vague-timeline');
    await card.locator('[data-preach-ignore="rule"]').click();
    await vague.waitFor({ state: 'detached' });
    await page.keyboard.type(' Then asap again.');
    const text = await page.evaluate(() => (window as any).editorText());
    await checkedText(page, text.length);
    expect(await page.locator('[data-preach-mark][data-rule="vague-timeline"]').count()).toBe(0);
    expect(outside).toEqual([]);
    await page.close();
  });

  it("takes the team's YAML pack from the options page, refuses a code pack there, and checks with it", async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.id}/options.html`);
    await options.locator('#pack-add summary').click();
    await options.locator('#pack-name').fill('team-rules.yaml');
    await options.locator('#pack-source').fill(TEAM_RULE);
    await options.locator('#pack-paste').click();
    // A pack the team hosts, by its URL.
    await options.locator('#pack-url').fill(`${server.url}/hosted-rules.yaml`);
    await options.locator('#pack-fetch').click();
    await options.locator('#pack-list li', { hasText: 'hosted-rules.yaml' }).waitFor();
    await options.locator('#pack-file').setInputFiles({ name: 'rules.js', mimeType: 'text/javascript', buffer: Buffer.from("import { defineRule } from '@preach/core';\nexport default [];\n") });
    await options.locator('#pack-list li', { hasText: 'rules.js' }).waitFor();
    await options.locator('#config-source').fill('extends: preach:recommended\nrules:\n  vague-timeline: off\n');
    await options.locator('#save').click();
    await options.locator('#problems li').first().waitFor();
    expect(await options.locator('#problems').innerText()).toContain('rules.js:1:1: is JavaScript or TypeScript: code rules are not run in the browser');
    expect(await options.locator('#status').innerText()).toContain('1 problem');
    if (SCREENSHOTS) await options.screenshot({ path: join(SCREENSHOTS, 'extension-options.png'), fullPage: true });
    await options.close();

    // A page whose reply has no rule ignored by the tests before (what is ignored is kept per reply).
    const { page } = await open(PAGES[1]!);
    const reply = 'Sorry about that. As per my last email, we will look into it asap.';
    await page.keyboard.type(reply);
    await page.locator('[data-preach-mark][data-rule="team/no-asap"]').waitFor();
    await page.locator('[data-preach-mark][data-rule="team/no-per-my-last"]').waitFor();
    await checkedText(page, reply.length);
    // The team's config turned this built-in rule off.
    expect(await page.locator('[data-preach-mark][data-rule="vague-timeline"]').count()).toBe(0);
    await page.close();
  });

});

/** Where a word of the reply is on screen, measured in the page (not by preach). */
/** The box of the first mark of `rule` once one is drawn with a size (the marks live in the layer's shadow root). */
async function drawnMarkBox(page: import('playwright-core').Page, rule: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.waitForFunction((id) => {
    const mark = document.querySelector('preach-layer')?.shadowRoot?.querySelector(`[data-preach-mark][data-rule="${id}"]`);
    const rect = mark?.getBoundingClientRect();
    return rect && rect.width > 0 && { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
  }, rule);
  return (await box.jsonValue()) as { x: number; y: number; width: number; height: number };
}

async function wordBox(page: import('playwright-core').Page, word: string): Promise<{ x: number; y: number; width: number; height: number }> {
  return page.evaluate((wanted) => {
    const reply = document.querySelector('#reply') as HTMLElement;
    if (reply instanceof HTMLTextAreaElement) {
      // A textarea's text has no DOM: measure it in a copy with the same box and font.
      const copy = document.createElement('div');
      const style = getComputedStyle(reply);
      for (const key of ['boxSizing', 'width', 'paddingTop', 'paddingLeft', 'paddingRight', 'paddingBottom', 'borderTopWidth', 'borderLeftWidth', 'fontFamily', 'fontSize', 'lineHeight', 'letterSpacing'] as const) copy.style[key] = style[key];
      const box = reply.getBoundingClientRect();
      Object.assign(copy.style, { position: 'fixed', left: `${box.left}px`, top: `${box.top}px`, whiteSpace: 'pre-wrap', borderStyle: 'solid', borderColor: 'transparent', visibility: 'hidden' });
      copy.textContent = reply.value;
      document.body.appendChild(copy);
      const range = document.createRange();
      const at = reply.value.indexOf(wanted);
      range.setStart(copy.firstChild!, at);
      range.setEnd(copy.firstChild!, at + wanted.length);
      const rect = range.getBoundingClientRect();
      copy.remove();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
    const walker = document.createTreeWalker(reply, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }
    throw new Error(`"${wanted}" is not in the reply`);
  }, word);
}
