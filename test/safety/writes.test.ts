import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, createReadStream, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREACH_BIN, runPreach, scratchDir, writeUnder } from '../helpers/cli.js';

/**
 * End-to-end: preach never destroys a file it writes. Fixed drafts, reports and the starter
 * config are written to a temporary file and renamed; an output that is also an input is
 * refused; a file that cannot be written is that file's error, not the end of the run.
 */

let dir: string;
let cleanup: () => void;

function write(path: string, content: string | Buffer): string {
  return writeUnder(dir, path, content);
}

const CONVERSATION = (id: string) =>
  JSON.stringify({ id, channel: 'email', customer_name: 'Priya Raman', messages: [{ role: 'customer', author: 'c-1', text: 'My card was declined.' }, { role: 'agent', author: 'a-1', text: 'Hi Priya, please utilize the payment page to try again.' }] });

/** Runs preach as an unprivileged user when the tests run as root, so file permissions apply. */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-safety-writes-'));
  chmodSync(dir, 0o755);
  write('.preachrc.yaml', 'root: true\nextends: [preach:recommended]\n');
});
afterAll(() => {
  // Folders made read-only for a test must be writable again to be removed.
  for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o755);
  cleanup();
});

describe('lint --fix', () => {
  it('writes the fixed draft as a new file: the old bytes are never cut in place', async () => {
    const draft = write('fix/draft.md', 'Please utilize the export page.\n');
    // A second name for the same file sees whatever is written into it in place.
    linkSync(draft, join(dir, 'fix/draft-link.md'));
    const run = await runPreach(['lint', '--fix', 'fix/draft.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(draft, 'utf8')).toBe('Please use the export page.\n');
    expect(readFileSync(join(dir, 'fix/draft-link.md'), 'utf8')).toBe('Please utilize the export page.\n');
    expect(readdirSync(join(dir, 'fix')).sort()).toEqual(['draft-link.md', 'draft.md']);
  });

  it('keeps a byte-order mark', async () => {
    const draft = write('bom/draft.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Please utilize the export page.\n')]));
    const run = await runPreach(['lint', '--fix', draft], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(draft)).toEqual(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Please use the export page.\n')]));
  });

  it('refuses to rewrite a file that is not valid UTF-8, says why, and fixes the others', async () => {
    // "café" in Windows-1252: 0xE9 is not UTF-8.
    const latin = Buffer.concat([Buffer.from('Please utilize the caf'), Buffer.from([0xe9]), Buffer.from(' menu.\n')]);
    write('enc/a-latin1.md', latin);
    const other = write('enc/b-utf8.md', 'Please utilize the export page.\n');
    const run = await runPreach(['lint', '--fix', 'enc'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(readFileSync(join(dir, 'enc/a-latin1.md'))).toEqual(latin);
    expect(run.stdout).toMatch(/enc\/a-latin1\.md[\s\S]*not fixed: the file is not valid UTF-8 \(first bad byte at line 1, column 23\)/);
    expect(run.stdout).toContain('Save it as UTF-8');
    expect(readFileSync(other, 'utf8')).toBe('Please use the export page.\n');
  });

  it('reports a draft it cannot write as that file\'s error and still fixes the rest', async () => {
    const locked = write('a-locked/draft.md', 'Please utilize the export page.\n');
    const open = write('b-open/draft.md', 'Please utilize the export page.\n');
    chmodSync(join(dir, 'b-open'), 0o777);
    chmodSync(open, 0o666);
    chmodSync(locked, 0o444);
    chmodSync(join(dir, 'a-locked'), 0o555);
    const run = await runPreach(['lint', '--fix', '--format', 'json', 'a-locked/draft.md', 'b-open/draft.md'], { cwd: dir, ...asUser });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('');
    const [lockedResult, openResult] = JSON.parse(run.stdout);
    expect(lockedResult).toMatchObject({ file: 'a-locked/draft.md', writeError: expect.stringContaining('permission denied') });
    expect(lockedResult.fixed).toBeUndefined();
    // The report is of the draft as it still is: the fix is still on offer.
    expect(lockedResult.messages.map((m: any) => m.ruleId)).toContain('formal-word');
    expect(openResult).toMatchObject({ file: 'b-open/draft.md', fixed: { applied: 1, skipped: 0 } });
    expect(readFileSync(locked, 'utf8')).toBe('Please utilize the export page.\n');
    expect(readFileSync(open, 'utf8')).toBe('Please use the export page.\n');
  });
});

describe('an output that is also an input', () => {
  it('lint -o refuses to replace the draft with the report', async () => {
    const draft = write('same/draft.md', 'Please utilize the export page.\n');
    const run = await runPreach(['lint', 'same/draft.md', '-o', 'same/draft.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('preach: -o same/draft.md is also an input; writing the report there would replace it. Nothing was written: choose another -o path.\n');
    expect(readFileSync(draft, 'utf8')).toBe('Please utilize the export page.\n');
  });

  it('lint --fix -o refuses before fixing anything', async () => {
    const draft = write('same-fix/draft.md', 'Please utilize the export page.\n');
    const run = await runPreach(['lint', '--fix', 'same-fix', '-o', 'same-fix/draft.md'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(readFileSync(draft, 'utf8')).toBe('Please utilize the export page.\n');
  });

  it('score -o refuses its own input, also through a symbolic link', async () => {
    const input = write('same-score/x.jsonl', `${CONVERSATION('c-1')}\n`);
    symlinkSync('x.jsonl', join(dir, 'same-score/link.jsonl'));
    const direct = await runPreach(['score', 'same-score/x.jsonl', '-o', 'same-score/x.jsonl', '--jobs', '1'], { cwd: dir });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toBe('preach: -o same-score/x.jsonl is also an input; writing the report there would replace it. Nothing was written: choose another -o path.\n');
    const linked = await runPreach(['score', 'same-score/x.jsonl', '-f', 'json', '-o', 'same-score/link.jsonl', '--jobs', '1'], { cwd: dir });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('-o same-score/link.jsonl is also an input (the same file as same-score/x.jsonl)');
    expect(readFileSync(input, 'utf8')).toBe(`${CONVERSATION('c-1')}\n`);
  });
});

describe('reports', () => {
  it('lint -o says plainly when the report cannot be written', async () => {
    const run = await runPreach(['lint', 'fix', '-o', 'no-such-folder/report.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('preach: cannot write the report to no-such-folder/report.txt: no such folder\n');
  });

  it('an interrupted score leaves the previous report as it was, and no temporary file', async () => {
    const folder = join(dir, 'interrupted');
    mkdirSync(folder);
    const report = join(folder, 'report.json');
    const previous = '{"previous": "report"}\n';
    writeFileSync(report, previous);
    const child = spawn(process.execPath, [PREACH_BIN, 'score', '-', '--input-format', 'jsonl', '-f', 'json', '-o', report, '--jobs', '1'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Once interrupted, preach reads no more: writes still queued fail with EPIPE, as intended.
    child.stdin.on('error', () => {});
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => child.on('close', (code, signal) => resolveExit({ code, signal })));
    // Standard input stays open, so the run cannot finish before it is interrupted, however fast the
    // machine. Past the first 64 KB (what preach reads to tell the format), conversations are scored.
    for (let i = 0; i < 1000; i++) child.stdin.write(`${CONVERSATION(`c-${i}`)}\n`);

    // Started: scored conversations have reached the disk, in a new file or in the report itself.
    const started = () => {
      const others = readdirSync(folder).filter((name) => name !== 'report.json');
      return others.some((name) => statSync(join(folder, name)).size > 0) || readFileSync(report, 'utf8') !== previous;
    };
    await new Promise<void>((resolveStarted) => {
      const watcher = watch(folder, () => {
        if (!started()) return;
        watcher.close();
        resolveStarted();
      });
      if (started()) {
        watcher.close();
        resolveStarted();
      }
    });
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect(signal === 'SIGINT' || code === 130, `exit ${code} ${signal}: ${stderr}`).toBe(true);
    expect(readFileSync(report, 'utf8')).toBe(previous);
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('-o into a pipe writes into it and leaves the pipe in place (nothing to rename over)', async () => {
    const pipe = join(dir, 'report.fifo');
    execFileSync('mkfifo', [pipe]);
    write('pipe/draft.md', 'Please utilize the export page.\n');
    let received = '';
    const reader = new Promise<void>((resolveRead, reject) => {
      createReadStream(pipe, 'utf8')
        .on('data', (chunk) => (received += chunk))
        .on('end', () => resolveRead())
        .on('error', reject);
    });
    const run = await runPreach(['lint', 'pipe/draft.md', '-o', pipe], { cwd: dir });
    await reader;
    expect(run.code).toBe(0);
    expect(received).toMatch(/^pipe\/draft\.md\n.*formal-word/s);
    expect(statSync(pipe).isFIFO()).toBe(true);
  });

  it('a finished score replaces the report whole', async () => {
    const input = write('replace/x.jsonl', `${CONVERSATION('c-1')}\n`);
    const report = write('replace/report.csv', 'old report\n');
    linkSync(report, join(dir, 'replace/report-link.csv'));
    const run = await runPreach(['score', input, '-f', 'csv', '-o', 'replace/report.csv', '--jobs', '1'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readFileSync(report, 'utf8')).toMatch(/^conversation_id,source,line/);
    expect(readFileSync(join(dir, 'replace/report-link.csv'), 'utf8')).toBe('old report\n');
    expect(readdirSync(join(dir, 'replace')).sort()).toEqual(['report-link.csv', 'report.csv', 'x.jsonl']);
  });
});

describe('init', () => {
  it('--force replaces the config as a new file', async () => {
    const folder = join(dir, 'init');
    mkdirSync(folder);
    const config = join(folder, '.preachrc.yaml');
    writeFileSync(config, 'root: true\n');
    linkSync(config, join(folder, 'old.yaml'));
    const run = await runPreach(['init', '--force'], { cwd: folder });
    expect(run.code).toBe(0);
    expect(readFileSync(config, 'utf8')).toContain('preach:recommended');
    expect(readFileSync(join(folder, 'old.yaml'), 'utf8')).toBe('root: true\n');
  });
});
