import { describe, expect, test } from 'vitest';
import { splitBlocks } from '../src/text/blocks.js';
import { prepareDraft } from '../src/draft.js';
import { resolveConfig } from '../src/config/resolve.js';

describe('blocks', () => {
  const texts = (text: string) => splitBlocks(text).map((b) => b.text);

  test('blank lines split paragraphs', () => {
    expect(texts('one\ntwo\n\nthree\n\n\nfour')).toEqual(['one\ntwo', 'three', 'four']);
  });

  test('fenced code keeps its blank lines, indented lines stay with their list item', () => {
    expect(texts('a\n\n```\ncode\n\nmore\n```\n\n- item\n\n  continued\n\nb')).toEqual(['a', '```\ncode\n\nmore\n```', '- item\n\n  continued', 'b']);
  });

  test('HTML comments spanning blank lines stay whole', () => {
    expect(texts('a\n\n<!--\nnote\n\nstill note\n-->\n\nb')).toEqual(['a', '<!--\nnote\n\nstill note\n-->', 'b']);
  });

  test('offsets point into the text', () => {
    const text = '---\nx: 1\n---\nHello\n\nWorld';
    for (const block of splitBlocks(text, 12)) expect(text.slice(block.start, block.start + block.text.length)).toBe(block.text);
  });

  test('a prepared draft’s blocks start after its front matter', () => {
    const text = '---\ncustomer_name: Priya\n---\nHi Priya,\n\nAll done.';
    const config = resolveConfig({ rules: [], enabled: new Set(), layers: [] });
    expect(prepareDraft(text, {}, config).blocks()).toEqual([
      { start: text.indexOf('Hi'), text: 'Hi Priya,' },
      { start: text.indexOf('All'), text: 'All done.' },
    ]);
  });
});
