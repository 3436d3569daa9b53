// Writes packages/cli/bundle/preach.cjs.cache: V8's code cache for the command's bundle, taken
// after the bundle has linted the bundled example reply, so it holds the functions a `preach lint`
// runs already compiled (bin/load-command.js reads it); and score-thread.cjs.cache, the same for
// a `preach score` thread, taken in a thread after it has scored a conversation. Run by build.mjs after the
// bundles; a Node version other than the one that ran this rejects the cache, and preach then compiles the
// bundle as it would without one.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFrontMatter } from '@preach/core';
import { Piscina } from 'piscina';
import { CODE_CACHE, loadCommand, SCORE_THREAD_CODE_CACHE } from '../packages/cli/bin/load-command.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { exports, script } = loadCommand({ useCache: false });
const quiet = { write: () => true };
// The example reply has a customer message, so situation inference and every rule run.
const example = join(root, 'examples', 'refund-reply.md');
await exports.main(['node', 'preach', 'lint', example, '--no-config'], { stdout: quiet, stderr: quiet });
writeCache(CODE_CACHE, script.createCachedData());

// The scoring thread, warmed up on the example reply and the customer message it answers, as a
// conversation (a reply, then a follow-up), with the settings `preach score --no-config` gives.
const draft = readFileSync(example, 'utf8');
const frontMatter = readFrontMatter(draft);
const customer = frontMatter.context.customerMessage ?? 'I was charged twice and nobody answers.';
const reply = draft.slice(frontMatter.end);
const conversation = {
  id: 'warm-up',
  source: example,
  line: 1,
  tags: [],
  messages: [
    { role: 'customer', text: customer },
    { role: 'agent', text: reply, authorName: 'Sam' },
    { role: 'customer', text: 'Thanks, that worked!' },
    { role: 'agent', text: 'Glad to hear it. Have a good day!', authorName: 'Sam' },
  ],
};
const pool = new Piscina({ filename: new URL('./score-thread-code-cache.mjs', import.meta.url).href, workerData: { lookup: root, noConfig: true }, minThreads: 1, maxThreads: 1 });
try {
  const cache = await pool.run({ items: [{ conversation }], progress: new SharedArrayBuffer(8) });
  writeCache(SCORE_THREAD_CODE_CACHE, cache);
} finally {
  await pool.destroy();
}

function writeCache(file, data) {
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}
