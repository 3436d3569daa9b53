import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runPreach, scratchDir } from './helpers/cli.js';
import { FIXTURES } from './helpers/custom-rules.js';

/**
 * End-to-end: rule files written by people, with mistakes in them. Each mistake is reported with
 * the file, line, column and key, and what to do, with exit code 2 and never a stack trace.
 */

const BROKEN = 'test/fixtures/custom-rules/broken';
const HOSTILE = 'test/fixtures/custom-rules/hostile';
const STACK_TRACE = /\n\s+at [\w.<]+ \(|node:internal/;

let scratch: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir: scratch, cleanup } = scratchDir('preach-broken-rules-'));
});
afterAll(() => cleanup());

describe('broken rule files', () => {
  const expected = [
    `${BROKEN}/yaml-syntax.yaml:6:1: invalid YAML: Missing closing 'quote`,
    `${BROKEN}/unknown-key.yaml:5:1: tokenz: is not a known key\n  Did you mean "tokens"? Expected one of: id, category, severity,`,
    `${BROKEN}/wrong-type.yaml:6:1: max: must be a number\n  A number, or one per channel: {chat: 4, email: 12, default: 8}`,
    `${BROKEN}/missing-message.yaml:1:1: message: is required but missing`,
    `${BROKEN}/bad-regex.yaml:7:5: patterns.1: pattern "(unclosed group" is not a valid regular expression: Unterminated group`,
    `${BROKEN}/bad-compromise.yaml:5:1: match: compromise pattern "#Modal (guarantee|promise" has an unclosed "("`,
    `${BROKEN}/unknown-tag.yaml:7:5: match.1: compromise pattern "#Modl #Adverb? promise" uses the unknown tag "#Modl" (did you mean "#Modal"?)`,
    `${BROKEN}/unknown-kind.yaml:2:1: kind: must be one of: "existence", "substitution", "pattern", "occurrence", "require", "sentiment"\n  Did you mean "existence"?`,
    `${BROKEN}/unknown-placeholder.yaml:4:1: message: uses {{matched}}, which an existence rule does not fill\n  Placeholders for existence: {{situation}}, {{channel}}, {{customer_name}}, {{agent_name}}, {{match}}.`,
    `${BROKEN}/duplicate-id.yaml:7:1: rules.1.id: "broken/twice" is already defined on line 2`,
    `${BROKEN}/blank-token.yaml:5:17: tokens.1: must not be blank`,
    `${BROKEN}/replacement-placeholder.yaml:6:3: swap.dear customer: uses {{customer_nme}}, which a replacement cannot fill`,
  ];

  it('preach test-rules reports every broken file in a folder, with file, line, column and key', async () => {
    const run = await runPreach(['test-rules', BROKEN], { cwd: ROOT });
    expect(run.code).toBe(2);
    for (const line of expected) expect(run.stdout).toContain(line);
    expect(run.stdout).toContain('0 rules, 0 examples, 0 failed, 12 rule file errors');
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('preach lint refuses a config whose pack is broken, with the same errors', async () => {
    writeFileSync(join(scratch, '.preachrc.yaml'), `root: true\npacks: [${join(FIXTURES, 'broken')}]\n`);
    writeFileSync(join(scratch, 'draft.md'), 'Sorry for the wait.\n');
    const run = await runPreach(['lint', 'draft.md'], { cwd: scratch });
    expect(run.code).toBe(2);
    // Outside the working folder, files are named by their absolute path.
    for (const line of expected) expect(run.stderr).toContain(line.replace(BROKEN, join(FIXTURES, 'broken')));
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('a code rule with bad metadata, or a module that does not load, is reported by file', async () => {
    const run = await runPreach(['test-rules', 'test/fixtures/custom-rules/code-bad-meta', 'test/fixtures/custom-rules/code-syntax-error'], { cwd: ROOT });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'test/fixtures/custom-rules/code-bad-meta/index.mjs: export 0 (broken/code-category): meta.category "humane" must be one of: proud, responsible, empathetic, articulate, concise, human',
    );
    expect(run.stdout).toContain('test/fixtures/custom-rules/code-syntax-error/index.mjs: code rules could not be loaded:');
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('hostile regular expressions', () => {
  it('are refused in every place a rule file takes a pattern, with the reason, and the run ends at once', async () => {
    const run = await runPreach(['test-rules', HOSTILE], { cwd: ROOT });
    expect(run.code).toBe(2);
    const refused: Array<[string, string, RegExp]> = [
      ['hostile-regexes.yaml:8:16', 'rules.0.patterns.0: pattern "(a+)+$"', /exponential time and freeze the editor: "a\+" is repeated inside "\(a\+\)\+"/],
      ['hostile-regexes.yaml:13:16', 'rules.1.patterns.0: pattern "(a|aa)+$"', /exponential time .* alternatives that can start with the same character/],
      ['hostile-regexes.yaml:18:16', 'rules.2.patterns.0: pattern "(x+x+)+y"', /exponential time .*an equivalent safe pattern is "\(x\{2,\}\)\+y"/],
      ['hostile-regexes.yaml:23:16', 'rules.3.patterns.0: pattern "^(a|a?)+$"', /exponential time/],
      ['hostile-regexes.yaml:28:16', 'rules.4.patterns.0: pattern "(\\\\w+\\\\s?)+$"', /exponential time/],
      ['hostile-regexes.yaml:33:16', 'rules.5.patterns.0: pattern "(.|\\\\s)*!$"', /exponential time/],
      ['hostile-regexes.yaml:38:16', 'rules.6.patterns.0: pattern "a*a*a*a*a*a*b"', /polynomial time/],
      ['hostile-regexes.yaml:44:18', 'rules.7.exceptions.0: pattern "([a-z]+)*@"', /exponential time/],
      ['hostile-regexes.yaml:51:7', 'rules.8.swap.(\\d+|\\d+\\.\\d+)*x: pattern', /exponential time/],
      ['hostile-regexes.yaml:56:5', 'rules.9.match: compromise pattern "#Modal /(a+)+$/" has a regular expression /(a+)+$/ that can take exponential time', /./],
      ['hostile-regexes.yaml:62:5', 'rules.10.prefilter: pattern "(\\\\s*,\\\\s*)+$"', /exponential time/],
      ['hostile-regexes.yaml:69:7', 'rules.11.when.customer_message_matches: pattern "(a|b|ab)*c"', /exponential time/],
      ['example-options.yaml:10:29', 'examples.bad.0.options.patterns.0: pattern "(a+)+!"', /exponential time/],
    ];
    const lines = run.stdout.split('\n');
    for (const [where, what, why] of refused) {
      const line = lines.find((l) => l.includes(`${HOSTILE}/${where}: ${what}`));
      expect(line, `${where} ${what}`).toBeDefined();
      expect(line).toMatch(why);
    }
    expect(run.stdout).toContain('13 rule file errors');
  });

  it('preach lint refuses them before reading a reply built to make them backtrack', async () => {
    writeFileSync(join(scratch, 'hostile.preachrc.yaml'), `root: true\npacks: [${join(FIXTURES, 'hostile', 'hostile-regexes.yaml')}]\n`);
    writeFileSync(join(scratch, 'backtrack.md'), `${'a'.repeat(48)}!\n\n${'x'.repeat(48)}\n`);
    const run = await runPreach(['lint', '--config', 'hostile.preachrc.yaml', 'backtrack.md'], { cwd: scratch });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('rules.0.patterns.0: pattern "(a+)+$" can take exponential time');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('are refused in .preachrc too: rule options, situation signals and `when` overrides', async () => {
    writeFileSync(join(scratch, 'draft.md'), `${'a'.repeat(48)}!\n`);
    writeFileSync(
      join(scratch, 'options.preachrc.yaml'),
      [
        'root: true',
        'extends: [preach:recommended]',
        'rules:',
        "  formal-word: [warning, { exceptions: ['(\\w+\\s?)+$'] }]",
        'situations:',
        '  - id: hostile',
        "    signals: ['(x+x+)+y']",
        '',
      ].join('\n'),
    );
    const options = await runPreach(['lint', '--config', 'options.preachrc.yaml', 'draft.md'], { cwd: scratch });
    expect(options.code).toBe(2);
    expect(options.stderr).toContain('options.preachrc.yaml:4:3: rules.formal-word: has invalid options: exceptions.0 pattern "(\\\\w+\\\\s?)+$" can take exponential time');
    expect(options.stderr).toContain('options.preachrc.yaml:7:15: situations.0.signals.0: pattern "(x+x+)+y" can take exponential time');

    writeFileSync(join(scratch, 'when.preachrc.yaml'), "root: true\nextends: [preach:recommended]\nrules:\n  formal-word:\n    when: { customer_message_matches: '^(a|a?)+$' }\n");
    const when = await runPreach(['lint', '--config', 'when.preachrc.yaml', '--customer-message', `${'a'.repeat(48)}!`, 'draft.md'], { cwd: scratch });
    expect(when.code).toBe(2);
    expect(when.stderr).toMatch(/when\.preachrc\.yaml:5:\d+: rules\.formal-word\.when\.customer_message_matches: pattern "\^\(a\|a\?\)\+\$" can take exponential time/);
  });
});
