import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRuleSource, compileUserPattern, engineFor, lint, resolveConfig, userPatternProblem, type Rule } from '@preach/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runPreach, scratchDir } from '../helpers/cli.js';

/**
 * Every check is bounded: user patterns run on an engine that cannot backtrack forever, a check
 * that runs past its time budget is stopped and says so, and a draft past the size limit gets a
 * clear message instead of an attempt.
 */

const HOSTILE = 'test/fixtures/custom-rules/hostile';
const UNRUNNABLE = 'test/fixtures/custom-rules/unrunnable';
/** A hang guard, far above the few seconds a run takes: a catastrophic regex would never finish. */
const GUARD = { timeoutMs: 60_000 };
const STACK_TRACE = /\n\s+at [\w.<]+ \(|node:internal/;

let scratch: string;
let cleanup: () => void;
beforeAll(() => ({ dir: scratch, cleanup } = scratchDir('preach-bounded-')));
afterAll(() => cleanup());

function ruleFrom(yaml: string): Rule {
  return compileRuleSource(yaml, 'team.yaml', { origin: 'test' }).rules[0]!;
}

function configWith(rule: Rule) {
  return resolveConfig({ rules: [rule], enabled: new Set([rule.meta.id]), layers: [] });
}

describe('user patterns run on an engine chosen for safety', () => {
  it('runs a pattern on RegExp only when its every repetition is bounded and its ways to match are few', () => {
    expect(engineFor('\\bsorry\\b')).toBe('native');
    expect(engineFor('\\b\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)\\b')).toBe('native');
    expect(engineFor('(\\w)\\1{1,3}')).toBe('native');
    // Open-ended, or bounded with 20^10 ways to split a line: the linear-time engine.
    expect(engineFor('\\d+\\s*(?:days|hours)')).toBe('re2');
    expect(engineFor('(?:\\w{1,10}\\s?){1,10}$')).toBe('re2');
    expect(engineFor('(a+)+$')).toBe('re2');
    expect(engineFor('(?<!\\w)sorry\\s+now')).toBe('re2');
  });

  it('refuses an open-ended pattern that needs backtracking, saying what to do', () => {
    expect(userPatternProblem('(\\w)\\1+')).toMatch(/uses a backreference \(\\1\), which the linear-time engine cannot run.*bound every repetition/);
    expect(userPatternProblem('sorry(?!\\s+for)\\s+\\w+')).toMatch(/uses a lookahead \("\(\?!…"\)/);
    expect(userPatternProblem('(?<=(a))b+')).toMatch(/capturing group inside a lookbehind/);
    expect(userPatternProblem('[')).toMatch(/is not a valid regular expression/);
  });

  it('matches as JavaScript would on either engine: no-break spaces are spaces, named groups, offsets past emoji', () => {
    const linear = compileUserPattern('(?<word>\\w+)\\s+now\\b');
    expect(linear.engine).toBe('re2');
    expect(linear.all('😀 sorry\u00a0now, ok now')).toEqual([
      { index: 3, text: 'sorry\u00a0now', groups: ['sorry'] },
      { index: 14, text: 'ok now', groups: ['ok'] },
    ]);
    expect(compileUserPattern('(\\w+) (\\w+)x*').replaceWhole('hello world', '$2 $1')).toBe('world hello');
    expect(compileUserPattern('sorry', { ignoreCase: false }).test('SORRY')).toBe(false);
  });

  it('checks the three-line draft that froze the editor for 70 s, at once', () => {
    // On RegExp this pattern took 116 s of CPU on this draft; a hang here fails the test.
    const rule = ruleFrom("id: team/words\nkind: existence\ncategory: human\nmessage: x\npatterns: ['(?:\\w{1,10}\\s?){1,10}$']\n");
    const draft = `Hi ${'abcdefghij '.repeat(30)}!\nThanks ${'a'.repeat(400)}#\n${'word '.repeat(200)}?`;
    const result = lint(draft, {}, configWith(rule));
    expect(result.messages.filter((m) => m.ruleId === 'team/words')).toHaveLength(0);
    expect(lint('we can fix that', {}, configWith(rule)).messages.filter((m) => m.ruleId === 'team/words')).toHaveLength(1);
  });

  it('preach lint runs patterns that would backtrack catastrophically, in every place a rule file takes one', async () => {
    writeFileSync(join(scratch, 'hostile.preachrc.yaml'), `root: true\npacks: [${join(ROOT, HOSTILE, 'hostile-regexes.yaml')}]\n`);
    const draft = `---\ncustomer_message: ${'ab'.repeat(30)}\n---\nWe will promise, sorry ${'1'.repeat(3000)}x ${'x'.repeat(5000)}\n\n${'abcdefghij '.repeat(30)}! ${'a'.repeat(5000)}`;
    writeFileSync(join(scratch, 'backtrack.md'), draft);
    const run = await runPreach(['lint', '--format', 'json', '--config', 'hostile.preachrc.yaml', 'backtrack.md'], { cwd: scratch, ...GUARD });
    expect(run.stderr).toBe('');
    const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    const fired = new Set(result!.messages.map((m) => m.ruleId));
    expect([...fired].sort()).toEqual(['hostile/alternation', 'hostile/bounded-words', 'hostile/exception', 'hostile/nested', 'hostile/polynomial', 'hostile/swap', 'hostile/words']);
  });

  it('refuses open-ended backreferences and lookahead in every place, naming the file, line, rule and what to do', async () => {
    const run = await runPreach(['test-rules', UNRUNNABLE], { cwd: ROOT, ...GUARD });
    expect(run.code).toBe(2);
    const refused: Array<[string, string]> = [
      ['unrunnable.yaml:8:16', 'rules.0.patterns.0: pattern "(\\\\w)\\\\1+" in rule "team/doubled-letters" uses a backreference (\\1)'],
      ['unrunnable.yaml:13:16', 'rules.1.patterns.0: pattern "sorry(?!\\\\s+for)\\\\s+\\\\w+" in rule "team/sorry-not-for" uses a lookahead'],
      ['unrunnable.yaml:19:18', 'rules.2.exceptions.0: pattern "(\\\\w+)\\\\s+\\\\1" in rule "team/exception" uses a backreference'],
      ['unrunnable.yaml:26:7', 'rules.3.swap.(\\w+) (?=now)\\w+: pattern "(\\\\w+) (?=now)\\\\w+" in rule "team/swap" uses a lookahead'],
      ['unrunnable.yaml:31:5', 'rules.4.match: compromise pattern "#Modal /(.)\\\\1+/" in rule "team/compromise-regex" has a regular expression /(.)\\1+/ that uses a backreference'],
      ['unrunnable.yaml:37:5', 'rules.5.prefilter: pattern "promise(?!d)\\\\w*" in rule "team/prefilter" uses a lookahead'],
      ['unrunnable.yaml:44:7', 'rules.6.when.customer_message_matches: pattern "(\\\\w+) \\\\1.*" in rule "team/condition" uses a backreference'],
    ];
    const lines = run.stdout.split('\n');
    for (const [where, what] of refused) {
      const line = lines.find((l) => l.includes(`${UNRUNNABLE}/${where}: ${what}`));
      expect(line, `${where} ${what}\n${run.stdout}`).toBeDefined();
      expect(line).toMatch(/bound every repetition/);
    }
    // The bounded one in the same file is not among the errors.
    expect(run.stdout).not.toContain('team/bounded-lookahead"');
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('holds agents.signature and --agent-signature to the same rules', async () => {
    const file = join(scratch, 'one.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'c1', messages: [{ role: 'customer', text: 'Hi' }, { role: 'agent', text: 'Sorted, sorry for the wait.\n^JK' }] })}\n`);
    const flag = await runPreach(['score', 'one.jsonl', '--agent-signature', '(\\w)\\1+(\\w+)$'], { cwd: scratch, ...GUARD });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--agent-signature: agents\.signature: pattern "\(\\\\w\)\\\\1\+\(\\\\w\+\)\$" uses a backreference.*bound every repetition/);
    writeFileSync(join(scratch, 'signature.preachrc.yaml'), "root: true\nextends: [preach:recommended]\nagents:\n  signature: '(?=\\^)\\^(\\w+)\\s*$'\n");
    const config = await runPreach(['score', 'one.jsonl', '--config', 'signature.preachrc.yaml'], { cwd: scratch, ...GUARD });
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/signature\.preachrc\.yaml:4:\d+: agents\.signature: pattern .* uses a lookahead/);
    expect(flag.stderr + config.stderr).not.toMatch(STACK_TRACE);
    const works = await runPreach(['score', 'one.jsonl', '--format', 'json', '--agent-signature', '\\^(\\w+)\\s*$'], { cwd: scratch, ...GUARD });
    expect(JSON.parse(works.stdout).agents.map((a: { name: string }) => a.name)).toEqual(['JK']);
  });
});
