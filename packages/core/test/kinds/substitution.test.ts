import { describe, expect, it } from 'vitest';
import { substitution } from '../../src/declarative/kinds/substitution.js';
import { check, compileKind, refusals } from './run.js';

describe('substitution', () => {
  it('offers the replacement as a fix, in the case of the text replaced', () => {
    const rule = compileKind('substitution', { swap: { asap: 'by 3 pm today', 'dear customer': 'Hi {{customer_name}}' } }, 'Say "{{replacement}}" instead of "{{match}}".');
    expect(check(rule, 'Dear customer, we fix it ASAP.', { customerName: 'Priya' })).toEqual([
      { message: 'Say "Hi Priya" instead of "Dear customer".', text: 'Dear customer', fix: ['Hi Priya'] },
      { message: 'Say "by 3 pm today" instead of "ASAP".', text: 'ASAP', fix: ['by 3 pm today'] },
    ]);
    // A replacement naming what is not known is not offered.
    expect(check(rule, 'Dear customer,')[0]!.fix).toBeUndefined();
  });

  it('treats swap keys as regular expressions with regex: true', () => {
    const rule = compileKind('substitution', { swap: { 'e-?mail(ed)?': 'email$1' }, regex: true });
    expect(check(rule, 'I e-mailed you.').map((m) => m.fix)).toEqual([['emailed']]);
    expect(check(rule, 'I emailed you.')).toEqual([]);
  });

  it('refuses a replacement with a placeholder other than the conversation', () => {
    expect(refusals('substitution', { swap: { hi: 'Hi {{match}}' } })).toEqual(['swap.hi: uses {{match}}, which a replacement cannot fill']);
  });

  it('is fixable, summarised with its swaps, and paragraph-local unless a regex key is anchored', () => {
    expect(substitution.fixable).toBe(true);
    expect(substitution.summary({ swap: { a: 'b|c', d: 'e', f: 'g', h: 'i', j: 'k' }, regex: true })).toBe('Replaces "a" → "b" or "c", "d" → "e", "f" → "g", "h" → "i" and 1 more (regular expressions).');
    expect(substitution.paragraphLocal({ swap: { '^hi': 'hello' } })).toBe(true);
    expect(substitution.paragraphLocal({ swap: { '^hi': 'hello' }, regex: true })).toBe(false);
  });
});
