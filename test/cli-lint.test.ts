import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runPreach, scratchDir, writeUnder } from './helpers/cli.js';

/** End-to-end: the real `preach` binary on real files, as a user runs it. */

let dir: string;
let cleanup: () => void;

function write(path: string, content: string | Buffer): string {
  return writeUnder(dir, path, content);
}

const json = (stdout: string) => JSON.parse(stdout) as Array<Record<string, any>>;

beforeAll(() => {
  ({ dir, cleanup } = scratchDir());
  // A root config so the repository's own config (if any) never leaks into these tests.
  write('.preachrc.yaml', 'root: true\nextends: [preach:recommended]\n');
});
afterAll(() => cleanup());

describe('preach lint on the bundled example', () => {
  it('prints readable hints with the situation and score', async () => {
    const run = await runPreach(['lint', 'examples/refund-reply.md']);
    expect(run.stdout).toContain('examples/refund-reply.md');
    expect(run.stdout).toMatch(/situation complaint \(inferred: customer message mentions/);
    expect(run.stdout).toMatch(/score \d+(\.\d)?\/100/);
    expect(run.stdout).toContain('formal-word');
    expect(run.stdout).toMatch(/problems? \(/);
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
  });
});

describe('formats', () => {
  it('json has the documented shape', async () => {
    const file = write('fmt/draft.md', 'Hi there, please utilize the export page.\n');
    const run = await runPreach(['lint', '--format', 'json', '--customer-name', 'Priya Raman', file], { cwd: dir });
    expect(run.code).toBe(0);
    const [result] = json(run.stdout);
    expect(result!.file).toBe('fmt/draft.md');
    expect(typeof result!.score).toBe('number');
    expect(Object.keys(result!.categories).sort()).toEqual(['articulate', 'concise', 'empathetic', 'human', 'proud', 'responsible']);
    expect(result!.situation).toMatchObject({ id: null, source: 'none' });
    const formal = result!.messages.find((m: any) => m.ruleId === 'formal-word');
    expect(formal).toMatchObject({ severity: 'suggestion', category: 'human', line: 1, column: 18, endLine: 1, endColumn: 25, fix: { text: 'use', range: [17, 24] } });
    expect(formal.message).toContain('utilize');
    expect(formal.url).toMatch(/formal-word/);
    const name = result!.messages.find((m: any) => m.ruleId === 'name-missing');
    expect(name).toMatchObject({ severity: 'warning', fix: { text: expect.stringContaining('Priya') } });
  });

  it('sarif is SARIF 2.1.0 with rules, results, regions and fixes', async () => {
    const file = write('fmt/sarif.md', 'Please utilize the export page.\n');
    const run = await runPreach(['lint', '--format', 'sarif', file], { cwd: dir });
    const sarif = JSON.parse(run.stdout);
    expect(sarif.version).toBe('2.1.0');
    const runData = sarif.runs[0];
    expect(runData.tool.driver.name).toBe('preach');
    const result = runData.results.find((r: any) => r.ruleId === 'formal-word');
    expect(result.level).toBe('note');
    expect(result.locations[0].physicalLocation.region).toMatchObject({ startLine: 1, startColumn: 8, endColumn: 15 });
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('fmt/sarif.md');
    expect(runData.tool.driver.rules[result.ruleIndex].id).toBe('formal-word');
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('use');
  });

  it('stylish is the default, without colour when piped', async () => {
    const file = write('fmt/stylish.md', 'Please utilize the export page.\n');
    const run = await runPreach(['lint', file], { cwd: dir });
    expect(run.stdout).toMatch(/1:8\s+suggestion\s+Say "use" instead of "utilize"/);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('--output writes the report to a file', async () => {
    const file = write('fmt/out.md', 'Please utilize the export page.\n');
    const run = await runPreach(['lint', '--format', 'json', '-o', 'report.json', file], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(json(readFileSync(join(dir, 'report.json'), 'utf8'))[0]!.messages.length).toBeGreaterThan(0);
  });
});

describe('--fix', () => {
  it('applies fixes in place and re-checks', async () => {
    const file = write('fix/draft.md', 'Please utilize the export page prior to Friday.\n');
    const run = await runPreach(['lint', '--fix', '--format', 'json', file], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toBe('Please use the export page before Friday.\n');
    const [result] = json(run.stdout);
    expect(result!.fixed).toEqual({ applied: 2, skipped: 0 });
    expect(result!.messages.filter((m: any) => m.ruleId === 'formal-word')).toEqual([]);
  });

  it('where fixes overlap, one wins and the rest are reported', async () => {
    write('overlap/.preachrc.yaml', 'root: true\npacks: [./pack]\n');
    write(
      'overlap/pack/rules.yaml',
      [
        'rules:',
        '  - {id: short-order, kind: substitution, category: concise, message: "say {{replacement}}", swap: {"in order to": "to"}}',
        '  - {id: order-word, kind: substitution, category: human, message: "say {{replacement}}", swap: {"order": "request"}}',
      ].join('\n'),
    );
    const file = write('overlap/draft.md', 'We did this in order to help.\n');
    const run = await runPreach(['lint', '--fix', file], { cwd: join(dir, 'overlap') });
    expect(readFileSync(file, 'utf8')).toBe('We did this to help.\n');
    expect(run.stdout).toContain('fixed 1 problem');
    expect(run.stdout).toContain('1 fix overlapped another fix and was not applied');
  });

  it('fixing standard input prints the fixed text and reports on stderr', async () => {
    const run = await runPreach(['lint', '--fix', '-'], { cwd: dir, input: 'Please utilize it.\n' });
    expect(run.stdout).toBe('Please use it.\n');
    expect(run.stderr).toContain('fixed 1 problem');
  });
});

describe('exit codes', () => {
  it('0 without errors, 1 with an error, 1 over --max-warnings, 2 on usage errors', async () => {
    const clean = write('exit/clean.md', 'Thanks for the details. The export is ready on the billing page.\n');
    expect((await runPreach(['lint', clean], { cwd: dir })).code).toBe(0);

    write('exit/strict/.preachrc.yaml', 'root: true\nextends: preach:recommended\nrules:\n  formal-word: error\n');
    const strict = write('exit/strict/draft.md', 'Please utilize the export page.\n');
    expect((await runPreach(['lint', strict], { cwd: dir })).code).toBe(1);

    write('exit/warn/.preachrc.yaml', 'root: true\nextends: preach:recommended\nrules:\n  formal-word: warning\n');
    const warn = write('exit/warn/draft.md', 'Please utilize the export page.\n');
    expect((await runPreach(['lint', warn], { cwd: dir })).code).toBe(0);
    const over = await runPreach(['lint', '--max-warnings', '0', warn], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('--max-warnings allows 0');

    const usage = await runPreach(['lint', '--format', 'xml', clean], { cwd: dir });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/xml/);
    expect((await runPreach(['lint'], { cwd: dir })).code).toBe(2);
    expect((await runPreach(['lint', '--max-warnings', 'many', clean], { cwd: dir })).code).toBe(2);
    expect((await runPreach(['frobnicate'], { cwd: dir })).code).toBe(2);
  });
});

describe('context', () => {
  it('reads front matter as context, never as prose', async () => {
    const file = write(
      'ctx/draft.md',
      '---\ncustomer_name: Priya Raman\ncustomer_message: Please utilize your refund process, my card was declined.\nchannel: email\n---\nHello, your refund is on its way.\n',
    );
    const [result] = json((await runPreach(['lint', '--format', 'json', file], { cwd: dir })).stdout);
    expect(result!.context).toMatchObject({ customerName: 'Priya Raman', channel: 'email' });
    expect(result!.situation).toMatchObject({ id: 'billing-failure', source: 'inferred' });
    // "utilize" appears only in the front matter: not prose, not flagged.
    expect(result!.messages.filter((m: any) => m.ruleId === 'formal-word')).toEqual([]);
    const name = result!.messages.find((m: any) => m.ruleId === 'name-missing');
    expect(name.line).toBe(6);
  });

  it('flags override front matter', async () => {
    const file = write('ctx/override.md', '---\ncustomer_name: Priya\nsituation: outage\n---\nHello Priya, all fixed.\n');
    const [result] = json((await runPreach(['lint', '--format', 'json', '--customer-name', 'Marco', '--situation', 'praise', file], { cwd: dir })).stdout);
    expect(result!.context.customerName).toBe('Marco');
    expect(result!.situation).toMatchObject({ id: 'praise', source: 'given' });
  });

  it('takes the customer message from a file', async () => {
    write('ctx/message.txt', 'Someone logged into my account and changed my e-mail.');
    const file = write('ctx/security.md', 'We have locked the account and reset the e-mail.\n');
    const [result] = json((await runPreach(['lint', '--format', 'json', '--customer-message-file', 'ctx/message.txt', file], { cwd: dir })).stdout);
    expect(result!.situation).toMatchObject({ id: 'security', source: 'inferred' });
    const missing = await runPreach(['lint', '--customer-message-file', 'ctx/nope.txt', file], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ctx/nope.txt');
  });

  it('reports broken front matter with its line and goes on', async () => {
    const file = write('ctx/broken.md', '---\ncustomer_name: [unclosed\n---\nPlease utilize it.\n');
    const run = await runPreach(['lint', '--format', 'json', file], { cwd: dir });
    const [result] = json(run.stdout);
    const problem = result!.messages.find((m: any) => m.ruleId === 'front-matter');
    expect(problem.severity).toBe('error');
    expect(problem.line).toBeGreaterThanOrEqual(2);
    // Bad front matter is bad input, like a broken config (test/safety/front-matter.test.ts).
    expect(run.code).toBe(2);
  });
});

describe('config discovery', () => {
  it('finds the nearest config walking up, and follows extends', async () => {
    write('team/.preachrc.yaml', 'root: true\nextends:\n  - preach:recommended\n  - ./shared/base.yaml\nrules:\n  name-missing: error\n');
    write('team/shared/base.yaml', 'rules:\n  formal-word: off\n');
    const file = write('team/drafts/today/draft.md', 'Hi there, please utilize the export page.\n');
    const run = await runPreach(['lint', '--format', 'json', '--customer-name', 'Priya', file], { cwd: dir });
    const [result] = json(run.stdout);
    expect(result!.messages.map((m: any) => m.ruleId)).toEqual(['name-missing']);
    expect(result!.messages[0].severity).toBe('error');
    expect(run.code).toBe(1);
  });

  it('reads a "preach" key in package.json', async () => {
    write('pkg/package.json', JSON.stringify({ name: 'support-drafts', preach: { root: true, extends: 'preach:recommended', rules: { 'formal-word': 'error' } } }));
    const file = write('pkg/draft.md', 'Please utilize the export page.\n');
    const [result] = json((await runPreach(['lint', '--format', 'json', file], { cwd: dir })).stdout);
    expect(result!.messages[0]).toMatchObject({ ruleId: 'formal-word', severity: 'error' });
  });

  it('reads "warn" as warning, as ESLint spells it', async () => {
    write('warn/.preachrc.yaml', 'root: true\nextends: preach:recommended\nrules:\n  formal-word: warn\n  filler-words: [warn, {}]\n');
    const file = write('warn/draft.md', 'Please utilize the export page. I just really basically think maybe it works now.\n');
    const [result] = json((await runPreach(['lint', '--format', 'json', file], { cwd: dir })).stdout);
    const severities = Object.fromEntries(result!.messages.map((m: any) => [m.ruleId, m.severity]));
    expect(severities).toMatchObject({ 'formal-word': 'warning', 'filler-words': 'warning' });
  });

  it('--config and --no-config', async () => {
    write('explicit/strict.yaml', 'extends: preach:recommended\nrules:\n  formal-word: error\n');
    const file = write('explicit/draft.md', 'Please utilize the export page.\n');
    expect((await runPreach(['lint', '--config', 'explicit/strict.yaml', file], { cwd: dir })).code).toBe(1);
    write('quiet/.preachrc.yaml', 'root: true\nrules:\n  formal-word: off\n');
    const quiet = write('quiet/draft.md', 'Please utilize the export page.\n');
    const [off] = json((await runPreach(['lint', '--format', 'json', quiet], { cwd: dir })).stdout);
    expect(off!.messages).toEqual([]);
    const [on] = json((await runPreach(['lint', '--no-config', '--format', 'json', quiet], { cwd: dir })).stdout);
    expect(on!.messages.map((m: any) => m.ruleId)).toContain('formal-word');
  });

  it('a broken config fails with the file, line, key and what is expected, and no stack trace', async () => {
    write('broken/.preachrc.yaml', 'root: true\nextends: preach:recommended\nrules:\n  formal-word: loud\n  no-such-rule: warning\nchanel: email\n');
    const file = write('broken/draft.md', 'Hello.\n');
    const run = await runPreach(['lint', file], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/broken\/\.preachrc\.yaml:4:\d+: rules\.formal-word: must be one of: "error", "warning", "suggestion", "off", "warn"/);
    expect(run.stderr).toMatch(/broken\/\.preachrc\.yaml:6:1: chanel: is not a known key/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown rule id suggests the right one', async () => {
    write('typo/.preachrc.yaml', 'root: true\nrules:\n  formal-words: off\n');
    const run = await runPreach(['lint', write('typo/draft.md', 'Hello.\n')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/typo\/\.preachrc\.yaml:3:3: rules\.formal-words: is not a known rule/);
    expect(run.stderr).toContain('Did you mean "formal-word"?');
  });

  it('invalid YAML names the line', async () => {
    write('yaml/.preachrc.yaml', 'root: true\nrules:\n  formal-word: [warning\n');
    const run = await runPreach(['lint', write('yaml/draft.md', 'Hello.\n')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/yaml\/\.preachrc\.yaml:\d+:\d+: invalid YAML/);
  });

  it('a missing preset names the config file', async () => {
    write('preset/.preachrc.yaml', 'root: true\nextends: ./missing.yaml\n');
    const run = await runPreach(['lint', write('preset/draft.md', 'Hello.\n')], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/preset\/\.preachrc\.yaml:2:\d+: extends: preset "\.\/missing\.yaml" not found/);
  });
});

describe('awkward inputs', () => {
  it('a missing file is reported, the others still checked', async () => {
    const good = write('inputs/good.md', 'Please utilize it.\n');
    const run = await runPreach(['lint', '--format', 'json', 'inputs/missing.md', good], { cwd: dir });
    expect(run.code).toBe(2);
    const results = json(run.stdout);
    expect(results.find((r) => r.file === 'inputs/missing.md')!.error).toMatch(/not found/);
    expect(results.find((r) => r.file === 'inputs/good.md')!.messages.length).toBeGreaterThan(0);
  });

  it('an empty file scores 100 with no messages', async () => {
    const [result] = json((await runPreach(['lint', '--format', 'json', write('inputs/empty.md', '')], { cwd: dir })).stdout);
    expect(result).toMatchObject({ score: 100, messages: [] });
  });

  it('a binary file is skipped with a reason', async () => {
    const file = write('inputs/image.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const run = await runPreach(['lint', file], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('is a binary file');
  });

  it('a 1 MB file is checked', async () => {
    const paragraph = 'Thanks for waiting. Please utilize the export page and we will definitely follow up soon with the details.\n\n';
    const file = write('inputs/big.md', paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)));
    const run = await runPreach(['lint', '--format', 'json', file], { cwd: dir });
    const [result] = json(run.stdout);
    expect(result!.messages.filter((m: any) => m.ruleId === 'formal-word').length).toBeGreaterThan(9000);
    expect(result!.score).toBeGreaterThanOrEqual(0);
  });

  it('folders and globs expand to drafts', async () => {
    write('many/a.md', 'Please utilize it.\n');
    write('many/sub/b.txt', 'Please utilize it.\n');
    write('many/c.json', '{"x": "utilize"}');
    const folder = json((await runPreach(['lint', '--format', 'json', 'many'], { cwd: dir })).stdout);
    expect(folder.map((r) => r.file).sort()).toEqual(['many/a.md', 'many/sub/b.txt']);
    const glob = json((await runPreach(['lint', '--format', 'json', 'many/**/*.txt'], { cwd: dir })).stdout);
    expect(glob.map((r) => r.file)).toEqual(['many/sub/b.txt']);
  });

  it('reads standard input with -', async () => {
    const [result] = json((await runPreach(['lint', '--format', 'json', '-'], { cwd: dir, input: 'Please utilize it.' })).stdout);
    expect(result!.file).toBe('<stdin>');
    expect(result!.messages[0].ruleId).toBe('formal-word');
  });
});

describe('rules, explain, init', () => {
  it('preach rules lists rules by PREACH letter with severity', async () => {
    const run = await runPreach(['rules'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/H · Human/);
    expect(run.stdout).toMatch(/formal-word\s+suggestion/);
    const list = JSON.parse((await runPreach(['rules', '--format', 'json'], { cwd: dir })).stdout);
    expect(list.find((r: any) => r.id === 'formal-word')).toMatchObject({ category: 'human', severity: 'suggestion', fixable: true });
  });

  it('preach explain prints docs and examples; unknown ids get a suggestion', async () => {
    const run = await runPreach(['explain', 'formal-word'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Why:');
    expect(run.stdout).toContain('Please utilize the export button');
    const unknown = await runPreach(['explain', 'formal-wrd'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean "formal-word"?');
  });

  it('preach init writes a commented starter config that loads, and will not overwrite it', async () => {
    const { dir: fresh, cleanup: done } = scratchDir();
    try {
      const run = await runPreach(['init'], { cwd: fresh });
      expect(run.code).toBe(0);
      const written = readFileSync(join(fresh, '.preachrc.yaml'), 'utf8');
      expect(written).toMatch(/^# /m);
      expect(written).toContain('preach:recommended');
      writeFileSync(join(fresh, 'draft.md'), 'Please utilize it.\n');
      const lint = await runPreach(['lint', 'draft.md'], { cwd: fresh });
      expect(lint.stderr).toBe('');
      expect(lint.stdout).toContain('formal-word');
      const again = await runPreach(['init'], { cwd: fresh });
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('already exists');
    } finally {
      done();
    }
  });

  it('npx preach works at the repository root', () => {
    expect(existsSync(join(ROOT, 'node_modules', '.bin', 'preach'))).toBe(true);
  });
});
