import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CheckRequest, CheckResponse, HarperFinding } from './protocol.js';

export type { HarperFinding } from './protocol.js';

/**
 * Harper, the spelling and grammar checker, runs in a thread of its own (writing-checker-worker):
 * it loads only asynchronously, and rules are synchronous, so a rule posts the text and sleeps on
 * a shared flag until the thread answers (Atomics.wait; receiveMessageOnPort reads the answer
 * without the event loop). The thread starts on the first check, never before: `preach --version`,
 * start-up and drafts with the rules turned off do not pay for the 16 MB of WebAssembly.
 */

/**
 * Loading Harper takes about 3 s on an idle machine; a busy one is given much longer on the main
 * thread (`preach lint`). In a worker thread (the editor's checker, `preach score`'s pool) the
 * host stops a rule that runs past twice the time budget, so the first check waits less and,
 * when the load is not done, fails alone while the load goes on for the next reply.
 */
const LOAD_WAIT_MS = isMainThread ? 120_000 : 10_000;
/**
 * One reply takes milliseconds; this bounds a pathological one, after which the thread is replaced.
 * It stays under twice the default time budget, when the editor and `preach score` replace a
 * thread whose rule has not returned.
 */
const CHECK_WAIT_MS = 15_000;
/** Longer prose is checked up to here: support replies are far shorter, and the check stays bounded. */
export const MAX_CHECKED_CHARS = 20_000;

interface Thread {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  loaded: boolean;
  nextId: number;
}

let thread: Thread | undefined;
let last: { text: string; findings: HarperFinding[] } | undefined;
/** The text whose check outlived the load wait: the other writing rule on it does not wait again. */
let unchecked: string | undefined;

/** The worker's file, next to this one in dist/ and in every bundle (.cjs in the editor extension's). */
function workerFile(): string {
  const extension = import.meta.url.endsWith('.cjs') ? '.cjs' : '.js';
  return fileURLToPath(new URL(`./writing-checker-worker${extension}`, import.meta.url));
}

function start(): Thread {
  const file = workerFile();
  if (!existsSync(file)) throw new Error(`the spelling and grammar checker is missing (${file}); reinstall preach`);
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(file, { workerData: { port: port2, flag }, transferList: [port2] });
  worker.unref();
  port1.unref();
  const started: Thread = { worker, port: port1, flag, loaded: false, nextId: 1 };
  worker.on('exit', () => {
    if (thread === started) thread = undefined;
  });
  return started;
}

function stop(stale: Thread): void {
  if (thread === stale) thread = undefined;
  stale.port.close();
  void stale.worker.terminate();
}

/** Rule ids that use the writing checker. */
const WRITING_RULES: readonly string[] = ['spelling', 'grammar'];

/**
 * Loads the checker ahead of the first check when the config turns on a rule that uses it (see
 * prepareWritingChecker); a config without them costs nothing.
 */
export async function prepareWritingCheckerFor(rules: ReadonlyMap<string, unknown>): Promise<void> {
  if (WRITING_RULES.some((id) => rules.has(id))) await prepareWritingChecker();
}

/** How long a host that loads the checker ahead of its checks waits for it, on a busy machine too. */
export const PREPARE_WAIT_MS = 120_000;

/**
 * Loads the checker without blocking, for a host to await before it starts its checks (and their
 * time budget): `preach lint` and `preach score`'s threads do, so a reply is never left unchecked
 * because the load was slow. Resolves once Harper answers, or after the wait; either way the
 * checks that follow behave as without it.
 */
export async function prepareWritingChecker(waitMs = PREPARE_WAIT_MS): Promise<void> {
  const current = (thread ??= start());
  if (current.loaded) return;
  const request: CheckRequest = { id: current.nextId++, text: 'Ready.' };
  current.port.postMessage(request);
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    for (let message = receiveMessageOnPort(current.port); message; message = receiveMessageOnPort(current.port)) {
      const answer = message.message as CheckResponse;
      if (answer.id === request.id) {
        if (answer.error === undefined) current.loaded = true;
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const STILL_LOADING = 'the spelling and grammar checker is still loading (the first check of a session loads it); this reply was not checked for spelling and grammar';

/**
 * Harper's findings on `text` (offsets into it), computed once per text: the spelling and grammar
 * rules share one check. Throws, with what to do, when the checker cannot load or overruns.
 */
export function checkWriting(text: string): HarperFinding[] {
  const checked = withoutCodes(text.length > MAX_CHECKED_CHARS ? text.slice(0, MAX_CHECKED_CHARS) : text);
  if (last?.text === checked) return last.findings;
  const current = (thread ??= start());
  if (!current.loaded && unchecked === checked) throw new Error(STILL_LOADING);
  const request: CheckRequest = { id: current.nextId++, text: checked };
  Atomics.store(current.flag, 0, 0);
  current.port.postMessage(request);
  const waitMs = current.loaded ? CHECK_WAIT_MS : LOAD_WAIT_MS;
  const answer = awaitAnswer(current, request.id, waitMs);
  if (!answer && !current.loaded) {
    // Still loading: the thread keeps loading, and answers this request later (then skipped).
    unchecked = checked;
    throw new Error(STILL_LOADING);
  }
  if (!answer) {
    stop(current);
    throw new Error(`the spelling and grammar checker did not answer within ${waitMs / 1000} s; it is restarted for the next reply`);
  }
  if (answer.error !== undefined) {
    stop(current);
    throw new Error(`the spelling and grammar checker failed: ${answer.error}`);
  }
  current.loaded = true;
  last = { text: checked, findings: answer.findings };
  return answer.findings;
}

/**
 * Sleeps until the thread answers request `id` or `waitMs` pass. The thread raises the flag after
 * each answer; answers to earlier requests (one that outlived its wait while Harper loaded) are
 * skipped, and a raised flag whose message is not readable yet is looked at again shortly.
 */
function awaitAnswer(thread: Thread, id: number, waitMs: number): CheckResponse | undefined {
  const deadline = Date.now() + waitMs;
  for (;;) {
    for (let message = receiveMessageOnPort(thread.port); message; message = receiveMessageOnPort(thread.port)) {
      const answer = message.message as CheckResponse;
      if (answer.id === id) return answer;
    }
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    if (Atomics.load(thread.flag, 0) === 1) Atomics.store(thread.flag, 0, 0);
    Atomics.wait(thread.flag, 0, 0, Math.min(left, 50));
  }
}

/**
 * What is never a misspelling blanked out, offsets kept: order numbers, amounts and codes
 * ("A7731", "#48213", "2-3"), links written so they cannot be clicked ("login-bank[.]com"),
 * hashtags and handles, words with inner capitals ("iPhone", "TrickOrTreat") and very long runs
 * of letters. Harper's search for corrections can take many
 * seconds on one of them ("#TrickorTweet" took 34 s).
 */
const NEVER_MISSPELT = /\S*\[\.\]\S*|[^\s"“”'‘’()]*\d[^\s"“”'‘’()]*|[#@]\S+|\p{L}*\p{Ll}\p{Lu}\p{L}*|\p{L}{20,}/gu;

export function withoutCodes(text: string): string {
  return text.replace(NEVER_MISSPELT, (code) => ' '.repeat(code.length));
}

/** Where `withoutCodes` blanks `text` out: [start, end) pairs. */
export function codeSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(NEVER_MISSPELT)].map((match) => [match.index, match.index + match[0].length]);
}
