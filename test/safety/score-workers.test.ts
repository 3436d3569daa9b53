import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runPreach, scratchDir } from '../helpers/cli.js';
import { installPackage } from '../helpers/custom-rules.js';

/**
 * `preach score` loses at most the conversation that breaks a scoring thread: the rest of its
 * batch is scored again, and the results are the same whatever the number of threads.
 */

const GUARD = { timeoutMs: 120_000 };

interface ScoreJson {
  summary: { conversations: number; scored: number; errors: number };
  errors: Array<{ source: string; line?: number; id?: string; reason: string }>;
}

let project: string;
let cleanup: () => void;

beforeAll(() => {
  ({ dir: project, cleanup } = scratchDir('preach-score-workers-'));
  installPackage(project, '@test/runaway-rules', join(ROOT, 'test', 'fixtures', 'safety', 'runaway-rules'));
  mkdirSync(join(project, 'node_modules', '@preach'), { recursive: true });
  symlinkSync(join(ROOT, 'packages', 'core'), join(project, 'node_modules', '@preach', 'core'), 'dir');
  writeFileSync(join(project, 'runaway.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\npacks: ["@test/runaway-rules"]\n');
});
afterAll(() => cleanup());

/** A JSONL export of `count` ordinary conversations, some replies replaced (by conversation number, from 1). */
function transcripts(count: number, replies: Record<number, string> = {}): string {
  const lines: string[] = [];
  for (let n = 1; n <= count; n++) {
    const reply = replies[n] ?? `Hi Sam, thanks for waiting. I have refunded order ${1000 + n}; it reaches your card in 3 to 5 days. Anything else, just reply here.`;
    lines.push(JSON.stringify({ id: `c${n}`, messages: [{ role: 'customer', text: `My order ${1000 + n} never arrived and I was charged twice.` }, { role: 'agent', text: reply }] }));
  }
  return `${lines.join('\n')}\n`;
}

async function score(file: string, flags: string[]): Promise<{ code: number | null; stdout: string; report: ScoreJson; stderr: string }> {
  const run = await runPreach(['score', file, '--format', 'json', '--no-progress', ...flags], { cwd: project, ...GUARD });
  return { code: run.code, stdout: run.stdout, stderr: run.stderr, report: JSON.parse(run.stdout) as ScoreJson };
}

describe('preach score with a conversation that breaks its thread', () => {
  it('a conversation that exhausts a thread’s memory is its own error; its batch is scored, the same for --jobs 1 and 2', { timeout: 240_000 }, async () => {
    writeFileSync(join(project, 'memory.jsonl'), transcripts(40, { 12: 'Sorry about that. EXHAUST-MEMORY' }));
    const two = await score('memory.jsonl', ['--jobs', '2', '--config', 'runaway.preachrc.yaml']);
    expect(two.report.errors).toEqual([
      expect.objectContaining({ source: 'memory.jsonl', line: 12, id: 'c12', reason: expect.stringMatching(/^could not be scored: checking it needed more memory than a scoring thread has/) }),
    ]);
    expect(two.report.summary).toMatchObject({ conversations: 40, scored: 39, errors: 1 });
    expect(two.code).toBe(1);
    const one = await score('memory.jsonl', ['--jobs', '1', '--config', 'runaway.preachrc.yaml']);
    expect(one.stdout).toBe(two.stdout);
  });

  it('a rule that never returns is stopped after the time budget and costs only its conversation', { timeout: 240_000 }, async () => {
    writeFileSync(join(project, 'loop.jsonl'), transcripts(30, { 5: 'We are on it. NEVER-RETURN' }));
    // A budget no ordinary conversation comes near, even on a busy machine (a reply takes
    // milliseconds; the thread's models load before its first reply is timed). The stuck thread
    // spins for twice the budget before it is stopped, so a longer one costs the suite CPU time.
    const run = await score('loop.jsonl', ['--jobs', '2', '--config', 'runaway.preachrc.yaml', '--time-budget', '4']);
    expect(run.report.errors).toEqual([
      expect.objectContaining({ line: 5, id: 'c5', reason: expect.stringMatching(/^could not be scored: preach stopped checking it after \d+ s: a rule did not finish/) }),
    ]);
    expect(run.report.summary).toMatchObject({ conversations: 30, scored: 29, errors: 1 });
  });

  it('a reply of 700 KB is scored like any other, and --jobs 1 and --jobs 2 write the same report', { timeout: 240_000 }, async () => {
    // Real replies are varied; a giant one is many of them pasted together.
    const paragraphs = [
      'Hi Sam, thanks for waiting. I have refunded the second charge; it reaches your card in 3 to 5 days.',
      'Our engineers found the cause of the outage and the fix is rolling out now. Sorry for the trouble!',
      'Please utilize the export page prior to Friday and let us know how it goes, we apologize for any inconvenience.',
      'Can you send me the order number and the e-mail address on the account? I will check the delivery.',
      'Unfortunately that feature is not available yet, but it is on our roadmap for next quarter.',
    ];
    let giant = '';
    for (let i = 0; giant.length < 700_000; i++) giant += `${paragraphs[i % paragraphs.length]} (${i})\n\n`;
    writeFileSync(join(project, 'giant.jsonl'), transcripts(60, { 30: giant }));
    // No time budget in the way: this is about memory and threads, not speed.
    const flags = ['--no-config', '--time-budget', '600'];
    const two = await score('giant.jsonl', ['--jobs', '2', ...flags]);
    expect(two.report.errors).toEqual([]);
    expect(two.report.summary).toMatchObject({ conversations: 60, scored: 60 });
    const one = await score('giant.jsonl', ['--jobs', '1', ...flags]);
    expect(one.stdout).toBe(two.stdout);
  });
});
