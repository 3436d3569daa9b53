import { describe, expect, it } from 'vitest';
import { requirement } from '../../src/declarative/kinds/require.js';
import { check, compileKind, refusals } from './run.js';

describe('require', () => {
  const rule = compileKind('require', { tokens: ['best', 'regards'], scope: 'closing' }, 'Sign off, {{customer_name}} expects it.');

  it('reports once when none of its words is there, at the sentence where they belong', () => {
    expect(check(rule, 'Your refund is on its way. Thanks for waiting.', { customerName: 'Priya Raman' })).toEqual([
      { message: 'Sign off, Priya expects it.', text: 'Thanks for waiting.', fix: undefined },
    ]);
    expect(check(rule, 'Your refund is on its way. Best, Sam')).toEqual([]);
    expect(check(rule, '   ')).toEqual([]);
  });

  it('fills an unknown name with its fallback', () => {
    expect(check(rule, 'Your refund is on its way.')[0]!.message).toBe('Sign off, the customer expects it.');
  });

  it('needs something to look for, and fills no {{match}}', () => {
    expect(refusals('require', {}, 'sign off')).toEqual(['kind: a require rule needs `tokens` (words or phrases) or `patterns` (regular expressions)']);
    expect(refusals('require', { tokens: ['x'] }, 'missing {{match}}')[0]).toBe('message: uses {{match}}, which a require rule does not fill');
  });

  it('is summarised with its words and scope, and is never paragraph-local', () => {
    expect(requirement.summary({ tokens: ['best'], scope: 'closing' })).toBe('Requires one of "best", in the last sentence.');
    expect(requirement.paragraphLocal({ tokens: ['best'] })).toBe(false);
  });
});
