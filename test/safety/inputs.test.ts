import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreach, scratchDir, writeUnder } from '../helpers/cli.js';

/**
 * End-to-end: inputs that used to be misread are read, or refused with a message that says what
 * they are: file names with glob characters, UTF-16, symbolic link loops, a big vocabulary,
 * CSV with Windows line endings or an unterminated quote, a command that does not exist, a
 * command without the option it cannot run without.
 */

let dir: string;
let cleanup: () => void;

function write(path: string, content: string | Buffer): string {
  return writeUnder(dir, path, content);
}

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-safety-inputs-'));
  write('.preachrc.yaml', 'root: true\nextends: [preach:recommended]\n');
});
afterAll(() => cleanup());

describe('preach lint inputs', () => {
  it('reads names with brackets as files, decodes UTF-16, and names what it cannot read', async () => {
    write('reply (1).md', 'Please utilize the export page.\n');
    write('draft[2].md', 'Please utilize the export page.\n');
    write('utf16/le.md', utf16le('Please utilize the export page.\n'));
    write('utf16/be.md', utf16be('Please utilize the export page.\n'));
    write('utf16/no-bom.md', Buffer.from('Please utilize the export page.\n', 'utf16le'));
    // A folder with a link back to itself, and two links that point at each other.
    write('loop/inner/draft.md', 'Please utilize the export page.\n');
    symlinkSync('..', join(dir, 'loop/inner/up'));
    symlinkSync('knot-b.md', join(dir, 'knot-a.md'));
    symlinkSync('knot-a.md', join(dir, 'knot-b.md'));

    const run = await runPreach(['lint', '--format', 'json', 'reply (1).md', 'draft[2].md', 'utf16', 'loop', 'knot-a.md'], { cwd: dir });
    const results = Object.fromEntries(JSON.parse(run.stdout).map((r: any) => [r.file, r]));
    const rules = (file: string) => results[file]?.messages.map((m: any) => m.ruleId);
    expect(rules('reply (1).md')).toEqual(['formal-word']);
    expect(rules('draft[2].md')).toEqual(['formal-word']);
    expect(rules('utf16/le.md')).toEqual(['formal-word']);
    expect(rules('utf16/be.md')).toEqual(['formal-word']);
    expect(results['utf16/no-bom.md'].error).toBe('looks like UTF-16LE text without a byte-order mark, which cannot be read safely; save it as UTF-8, then check it again');
    // The draft behind the loop is checked once, and the link is named.
    expect(Object.keys(results).filter((file) => file.startsWith('loop/'))).toEqual(['loop/inner/draft.md']);
    expect(run.stderr).toBe('preach: loop/inner/up is a symbolic link back to loop, a folder above it; its drafts were checked once, not again through the link\n');
    expect(results['knot-a.md'].error).toBe('is a symbolic link loop (the link leads back to itself); nothing to read');
    expect(run.code).toBe(2);
  });

  it('--fix writes a UTF-16 draft back as UTF-16 with its byte-order mark', async () => {
    const le = write('fix16/le.md', utf16le('Please utilize the export page.\n'));
    const be = write('fix16/be.md', utf16be('Please utilize the export page.\n'));
    const run = await runPreach(['lint', '--fix', 'fix16'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(le)).toEqual(utf16le('Please use the export page.\n'));
    expect(readFileSync(be)).toEqual(utf16be('Please use the export page.\n'));
  });

  it('loads a vocabulary.txt of any length', async () => {
    const words = Array.from({ length: 300_000 }, (_, i) => `product${i}`);
    write('vocab/pack/vocabulary.txt', `${words.join('\n')}\nSyncBox\n`);
    write('vocab/.preachrc.yaml', 'root: true\nextends: [preach:recommended]\npacks: [./pack]\n');
    write('vocab/draft.md', 'Hi there, SyncBox is back up.\n');
    const run = await runPreach(['lint', '--format', 'json', 'vocab/draft.md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].file).toBe('vocab/draft.md');
  });
});

describe('preach score CSV input', () => {
  it('numbers rows right with Windows line endings, and names the conversations an unterminated quote swallowed', async () => {
    const rows = [
      'conversation_id,author_role,body',
      'c1,customer,"My card was declined',
      'and now I am locked out."',
      'c1,agent,Hi there. I have unlocked the account.',
      'c2,customer,Where is my refund?',
      'c2,agent,"It is on its way',
      'c3,customer,I cannot log in.',
      'c3,agent,I have sent a reset link.',
      '',
    ];
    write('crlf.csv', rows.join('\r\n'));
    const run = await runPreach(['score', 'crlf.csv', '-f', 'json', '--jobs', '1'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    expect(report.conversations.map((c: any) => [c.id, c.line])).toEqual([['c1', 2]]);
    expect(report.errors).toEqual([
      {
        source: 'crlf.csv',
        line: 6,
        id: 'c2',
        reason: 'unterminated quote: the quote opened on line 6 never closes, so the rest of the file (lines 6-8) was read as one field and conversations c2, c3 were not scored; close the quote (write "" for a quote inside a field)',
      },
      { source: 'crlf.csv', line: 7, id: 'c3', reason: 'swallowed by the unterminated quote on line 6 (conversation c2)' },
    ]);
    expect(run.code).toBe(1);
  });
});

describe('preach worker without --queue', () => {
  it('says what is missing and what to do, in preach\'s own words, and exits 2', async () => {
    const run = await runPreach(['worker'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('preach: worker needs --queue redis://HOST:PORT, the Redis the producer (preach score --queue) uses; see docs/queue.md\n');
  });
});

describe('options given wrongly', () => {
  it('are named in preach\'s own words with where to look, and exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['worker', '--queue'], "preach: option '--queue <redis-url>' argument missing. `preach worker --help` lists the options.\n"],
      [['lint', '--bogus', 'x.md'], "preach: unknown option '--bogus'. `preach lint --help` lists the options.\n"],
    ];
    for (const [args, stderr] of cases) {
      const run = await runPreach(args, { cwd: dir });
      expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }, args.join(' ')).toEqual({ code: 2, stdout: '', stderr });
    }
  });
});

describe('unknown commands', () => {
  it('exit 2 with "unknown command" and what to run instead, however they are asked for', async () => {
    for (const args of [['publish'], ['publish', '--help'], ['help', 'publish']]) {
      const run = await runPreach(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toBe("preach: unknown command 'publish'. The commands are lint, score, worker, rules, explain, init, lsp, test-rules; `preach --help` says what each does.\n");
    }
    const typo = await runPreach(['lnt'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe("preach: unknown command 'lnt'. Did you mean 'lint'? `preach --help` lists every command.\n");
  });
});
