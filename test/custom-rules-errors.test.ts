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
/** A hang guard, far above the few seconds a run takes: a catastrophic regex would never finish. */
const GUARD = { timeoutMs: 60_000 };
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
    const run = await runPreach(['test-rules', BROKEN], { cwd: ROOT, ...GUARD });
    expect(run.code).toBe(2);
    for (const line of expected) expect(run.stdout).toContain(line);
    expect(run.stdout).toContain('0 rules, 0 examples, 0 failed, 12 rule file errors');
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('preach lint refuses a config whose pack is broken, with the same errors', async () => {
    writeFileSync(join(scratch, '.preachrc.yaml'), `root: true\npacks: [${join(FIXTURES, 'broken')}]\n`);
    writeFileSync(join(scratch, 'draft.md'), 'Sorry for the wait.\n');
    const run = await runPreach(['lint', 'draft.md'], { cwd: scratch, ...GUARD });
    expect(run.code).toBe(2);
    // Outside the working folder, files are named by their absolute path.
    for (const line of expected) expect(run.stderr).toContain(line.replace(BROKEN, join(FIXTURES, 'broken')));
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('a code rule with bad metadata, or a module that does not load, is reported by file', async () => {
    const run = await runPreach(['test-rules', 'test/fixtures/custom-rules/code-bad-meta', 'test/fixtures/custom-rules/code-syntax-error'], { cwd: ROOT, ...GUARD });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(
      'test/fixtures/custom-rules/code-bad-meta/index.mjs: export 0 (broken/code-category): meta.category "humane" must be one of: proud, responsible, empathetic, articulate, concise, human',
    );
    expect(run.stdout).toContain('test/fixtures/custom-rules/code-syntax-error/index.mjs: code rules could not be loaded:');
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('patterns no engine can run safely', () => {
  // Rule files: test/safety/bounded-checks.test.ts. Catastrophic patterns themselves now run
  // on the linear-time engine; only open-ended ones that need backtracking are refused.
  it('are refused in .preachrc too: rule options, situation signals and `when` overrides', async () => {
    writeFileSync(join(scratch, 'draft.md'), `${'a'.repeat(48)}!\n`);
    writeFileSync(
      join(scratch, 'options.preachrc.yaml'),
      [
        'root: true',
        'extends: [preach:recommended]',
        'rules:',
        "  formal-word: [warning, { exceptions: ['(\\w+)\\s+\\1'] }]",
        'situations:',
        '  - id: hostile',
        "    signals: ['refund(?!ed)\\w*']",
        '',
      ].join('\n'),
    );
    const options = await runPreach(['lint', '--config', 'options.preachrc.yaml', 'draft.md'], { cwd: scratch, ...GUARD });
    expect(options.code).toBe(2);
    expect(options.stderr).toContain('options.preachrc.yaml:4:3: rules.formal-word: has invalid options: exceptions.0 pattern "(\\\\w+)\\\\s+\\\\1" uses a backreference');
    expect(options.stderr).toContain('options.preachrc.yaml:7:15: situations.0.signals.0: pattern "refund(?!ed)\\\\w*" uses a lookahead');

    writeFileSync(join(scratch, 'when.preachrc.yaml'), "root: true\nextends: [preach:recommended]\nrules:\n  formal-word:\n    when: { customer_message_matches: '^(a)\\1*$' }\n");
    const when = await runPreach(['lint', '--config', 'when.preachrc.yaml', '--customer-message', `${'a'.repeat(48)}!`, 'draft.md'], { cwd: scratch, ...GUARD });
    expect(when.code).toBe(2);
    expect(when.stderr).toMatch(/when\.preachrc\.yaml:5:\d+: rules\.formal-word\.when\.customer_message_matches: pattern "\^\(a\)\\\\1\*\$" uses a backreference/);
    expect(options.stderr + when.stderr).not.toMatch(STACK_TRACE);
  });
});
