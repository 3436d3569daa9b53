import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/resolve.js';
import { prepareDraft } from '../src/draft.js';
import { lint, lintDraft } from '../src/engine.js';
import { createDeadline } from '../src/limits.js';
import { FRONT_MATTER_RULE_ID } from '../src/text/front-matter.js';
import { ruleScopes } from '../src/declarative/kinds/index.js';
import type { ResolvedConfig } from '../src/types.js';
import { compileKind } from './kinds/run.js';

// Two rules that read one paragraph at a time and one that reads the whole reply.
const jargon = compileKind('existence', { tokens: ['utilize'] }, 'jargon: {{match}}');
const shouting = compileKind('existence', { tokens: ['URGENT'] }, 'shouting: {{match}}');
const signOff = compileKind('require', { tokens: ['Cheers'] }, 'no sign-off');
const JARGON = jargon.meta.id;
const SIGN_OFF = signOff.meta.id;

function configOf(layers: Parameters<typeof resolveConfig>[0]['layers'] = []): ResolvedConfig {
  // Three rules of two kinds need three ids: the kinds' helper names every rule test/<kind>.
  const rules = [jargon, { ...shouting, meta: { ...shouting.meta, id: 'test/shouting' } }, signOff];
  return resolveConfig({ rules, enabled: new Set(rules.map((r) => r.meta.id)), layers });
}

const config = configOf();
const SHOUT = 'test/shouting';

describe('prepareDraft', () => {
  it('puts the host’s context over the front matter, and a blank host field leaves the draft’s value', () => {
    const text = '---\ncustomer_name: Priya Raman\nchannel: chat\nagent_name: Sam\n---\nHi Priya,\n';
    const draft = prepareDraft(text, { channel: 'email', agentName: '', customerMessage: undefined }, config);
    expect(draft.context).toEqual({ customerName: 'Priya Raman', channel: 'email', agentName: 'Sam' });
    expect(draft.reply.channel).toBe('email');
    expect(draft.reply.customerName?.first).toBe('Priya');
    expect(draft.frontMatter.end).toBe(text.indexOf('Hi'));
  });

  it('gathers the rules a draft turns off: front matter, inline comments and the host’s', () => {
    const text = `---\ndisable: [${JARGON}]\n---\nHello <!-- preach-disable ${SHOUT} other/rule -->\n`;
    const draft = prepareDraft(text, {}, config, { disable: ['from/host'] });
    expect([...draft.disabled].sort()).toEqual(['from/host', 'other/rule', JARGON, SHOUT].sort());
  });

  it('maps offsets to lines and back in UTF-16 code units', () => {
    const text = '😊 one\ntwo';
    const draft = prepareDraft(text, {}, config);
    expect(draft.toPoint(text.indexOf('two'))).toEqual({ line: 2, column: 1, offset: 7 });
    expect(draft.toOffset({ line: 1, column: 4 })).toBe(text.indexOf('one'));
  });

  it('reads nothing of a draft past the size limit, and lintDraft reports only that', () => {
    const small = { ...config, limits: { ...config.limits!, maxDraftBytes: 64 } };
    const text = `---\ncustomer_name: Priya\ndisable: [${JARGON}]\n---\n${'Please utilize this. '.repeat(10)}`;
    const draft = prepareDraft(text, { channel: 'chat' }, small);
    expect(draft.tooLarge).toMatch(/too large to check/);
    expect(draft.context).toEqual({ channel: 'chat' });
    expect(draft.disabled.size).toBe(0);
    const result = lintDraft(draft, small);
    expect(result.messages.map((m) => [m.ruleId, m.startOffset, m.endOffset])).toEqual([['check-limit', 0, 0]]);
    expect(result.tooLarge).toBe(draft.tooLarge);
  });
});

describe('messages carry their offsets', () => {
  it('as UTF-16 offsets into the draft, matching the flagged text and the line and column', () => {
    const text = 'Hi 😊,\n\nPlease utilize the form.\n\nCheers';
    const [message] = lint(text, {}, config).messages;
    expect(message!.ruleId).toBe(JARGON);
    expect(text.slice(message!.startOffset, message!.endOffset)).toBe('utilize');
    expect([message!.line, message!.column]).toEqual([3, 8]);
  });

  it('as vfile messages with no stack, leaving the stack trace limit as it was', () => {
    const before = Error.stackTraceLimit;
    const [message] = lint('Please utilize the form.', {}, config).messages;
    expect(message).toBeInstanceOf(Error);
    expect(message!.stack).toBe('');
    expect(Error.stackTraceLimit).toBe(before);
  });

  it('for a front matter problem: from the key to the end of its line', () => {
    const text = '---\nchannel: fax\n---\nHi, Cheers\n';
    const problem = lint(text, {}, config).messages.find((m) => m.ruleId === FRONT_MATTER_RULE_ID)!;
    expect(text.slice(problem.startOffset, problem.endOffset)).toBe('channel: fax');
  });
});

describe('lintDraft', () => {
  const text = '---\ncustomer_name: Priya\n---\nHi Priya,\n\nPlease utilize the form. URGENT.\n\nThanks <!-- preach-disable nothing -->';

  it('gives what lint gives for the whole draft', () => {
    const draft = prepareDraft(text, { channel: 'chat' }, config);
    const plain = (messages: ReturnType<typeof lint>['messages']) => messages.map((m) => [m.ruleId, m.startOffset, m.endOffset, m.line, m.column, m.reason]);
    expect(plain(lintDraft(draft, config).messages)).toEqual(plain(lint(text, { channel: 'chat' }, config).messages));
    expect(lintDraft(draft, config).messages.map((m) => m.ruleId).sort()).toEqual([JARGON, SIGN_OFF, SHOUT].sort());
  });

  it('runs only the rules asked for, and never those the draft turns off', () => {
    const draft = prepareDraft(text, {}, config, { disable: [SHOUT] });
    expect(lintDraft(draft, config, { only: new Set([JARGON, SHOUT]) }).messages.map((m) => m.ruleId)).toEqual([JARGON]);
  });

  it('checks part of a draft as a reply of its own, with the draft’s offsets, lines and columns', () => {
    const start = text.indexOf('Please');
    const end = text.indexOf('\n', start);
    const draft = prepareDraft(text, {}, config);
    const messages = lintDraft(draft, config, { within: { start, end } }).messages;
    // The paragraph has no sign-off of its own; the front matter is not part of it.
    expect(messages.map((m) => [m.ruleId, text.slice(m.startOffset, m.endOffset), m.line])).toEqual([
      [SIGN_OFF, 'Please utilize the form.', 6],
      [JARGON, 'utilize', 6],
      [SHOUT, 'URGENT', 6],
    ]);
    const whole = lintDraft(draft, config).messages.find((m) => m.ruleId === JARGON)!;
    expect([messages[1]!.line, messages[1]!.column]).toEqual([whole.line, whole.column]);
  });

  it('leaves the front matter’s problems to the check of the whole draft', () => {
    const bad = '---\nchannel: fax\n---\nPlease utilize it.\n';
    const draft = prepareDraft(bad, {}, config);
    expect(lintDraft(draft, config, { within: { start: draft.frontMatter.end, end: bad.length } }).messages.map((m) => m.ruleId)).not.toContain(FRONT_MATTER_RULE_ID);
    expect(lintDraft(draft, config).messages.map((m) => m.ruleId)).toContain(FRONT_MATTER_RULE_ID);
  });

  it('says where a part ran out of time: at the start of that part, counting only the rules asked for', () => {
    const start = text.indexOf('Please');
    const draft = prepareDraft(text, {}, config);
    // A budget of nothing: the check stops after the first rule, every time.
    const result = lintDraft(draft, config, { only: new Set([JARGON, SHOUT]), within: { start, end: text.length }, deadline: createDeadline(0) });
    expect(result.stopped?.skipped).toBe(1);
    const stop = result.messages.find((m) => m.ruleId === 'check-limit')!;
    expect([stop.startOffset, stop.endOffset, stop.line, stop.column]).toEqual([start, start, 6, 1]);
  });
});

describe('ruleScopes', () => {
  it('splits the rules in force into those read a paragraph at a time and the rest', () => {
    const scopes = ruleScopes(config);
    expect([...scopes.paragraph].sort()).toEqual([JARGON, SHOUT].sort());
    expect([...scopes.document]).toEqual([SIGN_OFF]);
    expect(ruleScopes(config)).toBe(scopes);
  });

  it('leaves out rules that are off', () => {
    const scopes = ruleScopes(configOf([{ file: '.preachrc.yaml', config: { rules: { [JARGON]: 'off' } } }]));
    expect([...scopes.paragraph]).toEqual([SHOUT]);
  });
});
