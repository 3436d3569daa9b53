import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, finalLine, formatDuration, formatRate, timeLeft } from '../src/progress.js';

/** The progress bar of `preach score`, fed by hand with a clock that only moves when told. */

/** A terminal-like standard error that keeps what is written to it. */
function fakeTerminal(): { stream: NodeJS.WritableStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  Object.assign(stream, { isTTY: true, columns: 160, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream, text: () => chunks.join('') };
}

/** What a person would read: the escape codes that move the cursor taken out. */
const visible = (text: string) => text.replace(/\u001b(\[[0-9;?]*[A-Za-z]|[78])/g, '');
const GARBAGE = /NaN|NF|INF|Infinity|NULL|undefined/;

describe('progress bar', () => {
  it('a run that takes no time at all prints no garbage, and leaves a final line', () => {
    const terminal = fakeTerminal();
    const progress = createProgress({ enabled: true, totalBytes: 1000, stderr: terminal.stream, now: () => 5000 });
    progress.scored(2);
    progress.bytes(1000);
    progress.scored(3);
    progress.stop();
    const shown = visible(terminal.text());
    expect(shown).not.toMatch(GARBAGE);
    expect(shown).toContain('ETA –');
    // No time to measure a rate over: the summary leaves it out rather than print a made-up one.
    expect(shown.endsWith('scored 2 conversations, 5 replies in 0.0 s\n')).toBe(true);
    expect(shown.match(/scored 2 conversations, 5 replies/g)).toHaveLength(1);
  });

  it('a run with no known size (standard input) shows counts and the rate, and keeps the rate at the end', () => {
    const terminal = fakeTerminal();
    let clock = 0;
    const progress = createProgress({ enabled: true, stderr: terminal.stream, now: () => clock });
    clock = 1000;
    progress.scored(10);
    clock = 4000;
    progress.scored(14);
    progress.stop();
    progress.stop();
    const shown = visible(terminal.text());
    expect(shown).not.toMatch(GARBAGE);
    expect(shown).not.toContain('ETA');
    expect(shown).toContain('2 conversations | 24 replies | 6 replies/s');
    // The bar is cleared (the fake terminal keeps its text); the summary is written after it, once.
    expect(shown.endsWith('scored 2 conversations, 24 replies in 4.0 s (6 replies/s)\n')).toBe(true);
    expect(shown.match(/scored 2 conversations/g)).toHaveLength(1);
  });

  it('estimates the time left from the bytes read so far', () => {
    const terminal = fakeTerminal();
    let clock = 0;
    const progress = createProgress({ enabled: true, totalBytes: 400, stderr: terminal.stream, now: () => clock });
    progress.bytes(100);
    clock = 30_000;
    progress.scored(1);
    progress.stop();
    // A quarter read in 30 s: 90 s to go.
    expect(visible(terminal.text())).toContain('ETA 1m 30s');
  });

  it('says nothing at all when disabled', () => {
    const terminal = fakeTerminal();
    const progress = createProgress({ enabled: false, totalBytes: 10, stderr: terminal.stream });
    progress.scored(1);
    progress.stop();
    expect(terminal.text()).toBe('');
  });
});

describe('progress figures', () => {
  it('are "–" whenever they cannot be known, never NaN or Infinity', () => {
    expect(timeLeft(0, 100, 5)).toBeUndefined();
    expect(timeLeft(50, 100, 0)).toBeUndefined();
    expect(timeLeft(50, 0, 3)).toBeUndefined();
    expect(formatDuration(undefined)).toBe('–');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('–');
    expect(formatDuration(Number.NaN)).toBe('–');
    expect(formatRate(10, 0)).toBe('–');
    expect(formatRate(Number.NaN, 2)).toBe('–');
  });

  it('read as a person would write them', () => {
    expect(formatDuration(0.2)).toBe('1s');
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(185)).toBe('3m 05s');
    expect(formatDuration(7620)).toBe('2h 07m');
    expect(formatRate(1000, 4)).toBe('250');
    expect(finalLine(1, 1, 0.42)).toBe('scored 1 conversation, 1 reply in 0.4 s (2 replies/s)');
  });
});
