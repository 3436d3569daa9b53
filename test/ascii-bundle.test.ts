import { describe, expect, it } from 'vitest';
import { asciiBundle } from '../scripts/ascii-bundle.mjs';

/** Runs a snippet of code and returns what it evaluates to. */
const run = (code: string): unknown => new Function(`return (${code});`)();

describe('asciiBundle', () => {
  it('escapes what esbuild leaves, without changing what the code does', () => {
    const cases = [
      String.raw`/don[’']t\s+read/i.test("you don’t read")`,
      String.raw`"a😠b".replace(/[😡😠]/u, "!")`,
      String.raw`/x\’y/.test("x’y")`,
      'String.raw`it(?:\'|’)s ${1 + 1} 【x】`',
      '`plain ’ ${"ok"} “quoted”`',
      '/* © legal */ 1',
    ];
    for (const code of cases) {
      const ascii = asciiBundle(code, 'case.js');
      expect(ascii).toMatch(/^[\x00-\x7f]*$/);
      expect(run(ascii)).toEqual(run(code));
    }
  });

  it('stops the build on text it cannot escape safely', () => {
    expect(() => asciiBundle('html`<b>’</b>`', 'case.js')).toThrow(/case\.js: cannot make this template ASCII/);
  });
});
