import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRuleSource, compileUserPattern, createDeadline, engineFor, lint, LIMIT_RULE_ID, resolveConfig, ruleSupports, userPatternProblem, type PreachConfig, type Rule } from '@preach/core';
import { recommendedRules } from '@preach/rules';
import { LspClient, pathUri } from '../lsp-client.mjs';
import { installPackage } from '../helpers/custom-rules.js';
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

const DRAFT = 'Hi Priya,\n\nPlease utilize the export button, we apologize for any inconvenience.\n\nThanks!\n';

/** The rules a check of an English draft runs: each rule runs only in its own languages. */
function englishRules(config: ReturnType<typeof recommendedConfig>): number {
  return [...config.rules.values()].filter((setting) => ruleSupports(setting.rule.meta.languages, 'en')).length;
}

function recommendedConfig(limits?: PreachConfig['limits']) {
  const rules = recommendedRules();
  return resolveConfig({ rules, enabled: new Set(rules.map((r) => r.meta.id)), layers: limits ? [{ config: { limits }, file: '.preachrc.yaml' }] : [] });
}

describe('every check has a time budget', () => {
  it('stops between rules when the budget is spent, naming the slowest rule and how many were not run', () => {
    const config = recommendedConfig();
    // A clock that moves 60 ms each time it is read: the first rule takes 60 ms, the budget is 100.
    let now = 0;
    const deadline = createDeadline(100, () => (now += 60));
    const result = lint(DRAFT, {}, config, { deadline });
    const first = [...config.rules.keys()][0]!;
    expect(result.stopped).toEqual({ elapsedMs: 120, budgetMs: 100, ruleId: first, ruleMs: 60, skipped: englishRules(config) - 1 });
    const stop = result.messages.filter((m) => m.ruleId === LIMIT_RULE_ID);
    expect(stop.map((m) => m.reason)).toEqual([`preach stopped checking this draft after 0.12 s: rule "${first}" took too long (0.06 s); ${englishRules(config) - 1} rules were not run`]);
    expect(stop[0]!.severity).toBe('error');
    expect(stop[0]!.note).toMatch(/limits\.time_budget/);
  });

  it('a budget of 0 in .preachrc runs one rule and says the rest were not run; the default runs them all', () => {
    expect(lint(DRAFT, {}, recommendedConfig({ time_budget: 0 })).stopped?.skipped).toBe(englishRules(recommendedConfig()) - 1);
    const full = lint(DRAFT, {}, recommendedConfig());
    expect(full.stopped).toBeUndefined();
    expect(full.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['formal-word', 'apology-boilerplate']));
  });

  it('preach lint --time-budget and limits.time_budget stop the check and report it on the draft', async () => {
    writeFileSync(join(scratch, 'draft.md'), DRAFT);
    const flag = await runPreach(['lint', '--no-config', '--time-budget', '0', 'draft.md'], { cwd: scratch, ...GUARD });
    expect(flag.code).toBe(1);
    expect(flag.stdout).toMatch(/1:1 +error +preach stopped checking this draft after [\d.]+ s: rule "[\w-]+" took too long \([\d.]+ s\); \d+ rules were not run +check-limit/);
    writeFileSync(join(scratch, 'budget.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\nlimits:\n  time_budget: 0\n');
    const config = await runPreach(['lint', '--format', 'json', '--config', 'budget.preachrc.yaml', 'draft.md'], { cwd: scratch, ...GUARD });
    expect(JSON.parse(config.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'check-limit')).toHaveLength(1);
    const bad = await runPreach(['lint', '--time-budget', 'soon', 'draft.md'], { cwd: scratch, ...GUARD });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--time-budget needs a number of seconds (e.g. 5 or 0.5), got "soon"');
  });

  it('preach score reports a reply that ran out of time as that conversation\'s error', async () => {
    writeFileSync(join(scratch, 'budget.jsonl'), `${JSON.stringify({ id: 'c1', messages: [{ role: 'customer', text: 'Hi' }, { role: 'agent', text: 'Please utilize the export button.' }] })}\n`);
    const run = await runPreach(['score', 'budget.jsonl', '--format', 'json', '--no-config', '--time-budget', '0', '--jobs', '1'], { cwd: scratch, ...GUARD });
    const report = JSON.parse(run.stdout);
    expect(report.errors).toEqual([{ source: 'budget.jsonl', line: 1, id: 'c1', reason: expect.stringMatching(/^could not be scored: message 2: preach stopped checking this reply after [\d.]+ s: rule "[\w-]+" took too long/) }]);
    expect(run.code).toBe(1);
  });
});

describe('drafts past the size limit get a message instead of a check', () => {
  it('preach lint reports the file as too large, with the limit and how to raise it, and checks the others', async () => {
    writeFileSync(join(scratch, 'huge.md'), `${'We have refunded your order and it will arrive soon. '.repeat(22_000)}\n`);
    writeFileSync(join(scratch, 'small.md'), DRAFT);
    const run = await runPreach(['lint', '--no-config', 'huge.md', 'small.md'], { cwd: scratch, ...GUARD });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('huge.md\n  error  too large to check: it is 1.1 MB, over the limit of 1 MB for one draft (limits.max_draft_kb in .preachrc, or --max-draft-kb)');
    expect(run.stdout).toContain('formal-word');
    const raised = await runPreach(['lint', '--no-config', '--format', 'json', '--max-draft-kb', '2', 'small.md'], { cwd: scratch, ...GUARD });
    expect(JSON.parse(raised.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('formal-word');
    const lowered = await runPreach(['lint', '--no-config', '--max-draft-kb', '1', 'huge.md'], { cwd: scratch, ...GUARD });
    expect(lowered.stdout).toContain('over the limit of 1 KB for one draft');
  });

  it('preach score reports a reply past the limit as that conversation\'s error and scores the rest', async () => {
    const line = (id: string, reply: string) => JSON.stringify({ id, messages: [{ role: 'customer', text: 'Where is my refund?' }, { role: 'agent', text: reply }] });
    writeFileSync(join(scratch, 'large.jsonl'), [line('c1', 'It is on its way.'), line('c2', 'x '.repeat(2000)), line('c3', 'Refunded today.')].join('\n'));
    const run = await runPreach(['score', 'large.jsonl', '--format', 'json', '--no-config', '--max-draft-kb', '2'], { cwd: scratch, ...GUARD });
    const report = JSON.parse(run.stdout);
    expect(report.errors).toEqual([{ source: 'large.jsonl', line: 2, id: 'c2', reason: expect.stringMatching(/^could not be scored: message 2 \(an agent reply\) is too large to check: it is 3.9 KB, over the limit of 2 KB/) }]);
    expect(report.summary).toMatchObject({ conversations: 3, scored: 2 });
  });

  it('the core refuses it too, with one message and nothing run', () => {
    const result = lint('word '.repeat(300), {}, recommendedConfig({ max_draft_kb: 1 }));
    expect(result.tooLarge).toMatch(/^too large to check: it is 1.5 KB, over the limit of 1 KB/);
    expect(result.messages.map((m) => [m.ruleId, m.reason])).toEqual([[LIMIT_RULE_ID, expect.stringMatching(/^This draft is too large to check/)]]);
  });
});

describe('the editor', () => {
  let client: InstanceType<typeof LspClient>;
  let root: string;
  beforeAll(async () => {
    root = join(scratch, 'editor');
    mkdirSync(root);
    installPackage(root, '@test/runaway-rules', join(ROOT, 'test', 'fixtures', 'safety', 'runaway-rules'));
    mkdirSync(join(root, 'node_modules', '@preach'), { recursive: true });
    symlinkSync(join(ROOT, 'packages', 'core'), join(root, 'node_modules', '@preach', 'core'), 'dir');
    // Trusted: one test loads a code pack from the workspace, which an untrusted folder never runs.
    client = await LspClient.start({ rootDir: root, initializationOptions: { trustedWorkspace: true } });
  });
  afterAll(async () => client?.stop());

  function folder(name: string, config: string): string {
    const dir = join(root, name);
    mkdirSync(dir);
    writeFileSync(join(dir, '.preachrc.yaml'), config);
    return dir;
  }

  it('shows one diagnostic when the budget runs out, and one for a draft past the size limit', async () => {
    const dir = folder('budget', 'root: true\nextends: [preach:recommended]\nlimits:\n  time_budget: 0\n  max_draft_kb: 1\n');
    const stopped = pathUri(join(dir, 'draft.md'));
    client.open(stopped, DRAFT);
    const limits = (await client.diagnostics(stopped, { accept: (d: Array<{ code: string }>) => d.some((x) => x.code === LIMIT_RULE_ID) })).filter((d: { code: string }) => d.code === LIMIT_RULE_ID);
    expect(limits.map((d: { message: string }) => d.message)).toEqual([expect.stringMatching(/^preach stopped checking this draft after [\d.]+ s: rule "[\w-]+" took too long/)]);
    const large = pathUri(join(dir, 'large.md'));
    client.open(large, 'word '.repeat(300));
    const diagnostics = await client.diagnostics(large, { accept: (d: unknown[]) => d.length > 0 });
    expect(diagnostics.map((d: { code: string; message: string }) => [d.code, d.message])).toEqual([[LIMIT_RULE_ID, expect.stringMatching(/^This draft is too large to check: it is 1.5 KB, over the limit of 1 KB/)]]);
  });

  it('stops a checker thread stuck in one rule, says so on that draft, and goes on checking the others', { timeout: 90_000 }, async () => {
    // A budget the ordinary rules never reach on a one-line draft, so the runaway rule is reached.
    const dir = folder('stuck', 'root: true\nextends: [preach:recommended]\npacks: ["@test/runaway-rules"]\nlimits:\n  time_budget: 3\n');
    const stuck = pathUri(join(dir, 'stuck.md'));
    const other = pathUri(join(folder('other', 'root: true\nextends: [preach:recommended]\n'), 'other.md'));
    // The other draft waits behind the stuck one in the checker thread.
    client.open(stuck, 'We are on it. NEVER-RETURN\n');
    client.open(other, 'Please utilize the export button.\n');
    const said = await client.diagnostics(stuck, { accept: (d: unknown[]) => d.length > 0, timeoutMs: 60_000 });
    expect(said.map((d: { code: string; message: string }) => [d.code, d.message])).toEqual([[LIMIT_RULE_ID, expect.stringMatching(/^preach stopped checking this draft after 6 s: a rule did not finish, so the checker was restarted/)]]);
    const checked = await client.diagnostics(other, { accept: (d: Array<{ code: string }>) => d.some((x) => x.code === 'formal-word'), timeoutMs: 60_000 });
    expect(checked.length).toBeGreaterThan(0);
  });
});
