// How the check of one draft grows with its size: time and peak memory for drafts of 30 KB to
// 1 MB (the default size limit) made of real replies pasted together, every built-in rule on.
// Both should grow linearly; each size runs in a fresh process so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SIZES_KB = [30, 100, 300, 1000];

if (process.argv[2] === '--one') {
  const { createDeadline, lint } = await import('@preach/core');
  const { defaultConfig } = await import('@preach/config');
  const { loadReplies } = await import('./corpus.mjs');
  const { replies } = await loadReplies();
  const { config } = defaultConfig();
  const draftOf = (bytes) => {
    let out = '';
    for (let i = 0; out.length < bytes; i++) out += `${replies[i % replies.length].text}\n\n`;
    return out.slice(0, bytes);
  };
  lint(draftOf(5000), {}, config);
  const text = draftOf(Number(process.argv[3]) * 1024 - 1);
  const started = performance.now();
  // No time budget: the point is to see how long the whole check takes.
  const result = lint(text, { customerMessage: 'My card was declined twice and I want a refund.' }, config, { deadline: createDeadline(Infinity) });
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, messages: result.messages.length, tooLarge: Boolean(result.tooLarge) }));
} else {
  console.log('draft size | check time | ms per KB | peak memory (RSS) | findings');
  for (const kb of SIZES_KB) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', String(kb)], { encoding: 'utf8' });
    if (run.status !== 0) {
      console.log(`${kb} KB: failed\n${run.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const { ms, rssMb, messages, tooLarge } = JSON.parse(run.stdout.trim().split('\n').pop());
    if (tooLarge) console.log(`${kb} KB: refused as too large (raise limits.max_draft_kb to measure it)`);
    else console.log(`${String(kb).padStart(5)} KB | ${(ms / 1000).toFixed(2).padStart(7)} s | ${(ms / kb).toFixed(1).padStart(6)} | ${rssMb.toFixed(0).padStart(6)} MB | ${messages}`);
  }
}
