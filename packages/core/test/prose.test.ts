import { describe, expect, it } from 'vitest';
import { buildProse } from '../src/text/prose.js';
import { readFrontMatter } from '../src/text/front-matter.js';

describe('prose view', () => {
  it('keeps offsets and blanks URLs, e-mail addresses and @handles in plain text', () => {
    const text = '@acme Hi, see https://example.com/help or write to help@example.com today.';
    const { prose, markdown } = buildProse(text, 0);
    expect(markdown).toBe(false);
    expect(prose.length).toBe(text.length);
    expect(prose).not.toMatch(/example|acme/);
    expect(prose).toContain('Hi, see');
    expect(prose).toContain('today.');
  });

  it('blanks exactly the non-prose characters of plain text and front matter, line breaks kept', () => {
    expect(buildProse('Hi @dana_x,\nsee https://ex.com/a?b=c.\r\nMail a.b@c.co 😊', 0).prose).toBe('Hi        ,\nsee                     .\r\nMail          😊');
    expect(buildProse('---\nx: 1\n---\nHi @bo, ok', 12).prose).toBe('   \n    \n   \nHi    , ok');
    const plain = 'Thanks for waiting, it is sorted now.';
    expect(buildProse(plain, 0).prose).toBe(plain);
  });

  it('blanks code, inline code, HTML and link targets in Markdown, keeping link text', () => {
    const text = 'Run `utilize --now`, then read [the guide](https://x.test/utilize).\n\n```\nutilize()\n```\n<b>raw</b> done';
    const { prose, markdown, links } = buildProse(text, 0);
    expect(markdown).toBe(true);
    expect(prose.length).toBe(text.length);
    expect(prose).not.toMatch(/utilize|<b>|x\.test/);
    expect(prose).toContain('the guide');
    // Text inside inline HTML is still prose; the tags are not.
    expect(prose).toMatch(/ {3}raw {4} done$/);
    expect(links).toEqual([expect.objectContaining({ url: 'https://x.test/utilize', image: false })]);
  });

  it('finds images as links, for GIF checks', () => {
    const { links } = buildProse('So sorry! ![party](https://media.giphy.com/x.gif)', 0);
    expect(links[0]).toMatchObject({ image: true, url: 'https://media.giphy.com/x.gif', alt: 'party' });
  });

  it('never treats front matter as prose', () => {
    const text = '---\ncustomer_name: Priya\n---\nHello Priya.';
    const fm = readFrontMatter(text);
    expect(fm.context.customerName).toBe('Priya');
    const { prose } = buildProse(text, fm.end);
    expect(prose.trim()).toBe('Hello Priya.');
  });

  it('reports broken front matter with a line instead of throwing', () => {
    const fm = readFrontMatter('---\nname: [oops\n---\nHi');
    expect(fm.error?.line).toBeGreaterThanOrEqual(2);
  });
});
