// The thread scripts/code-cache.mjs starts to make the scoring thread's code cache: it loads
// bundle/score-thread.cjs without a cache, as a `preach score` thread would, scores the warm-up
// conversations it is given, and answers with V8's cache of the script and what that compiled.
import { loadScoreThread } from '../packages/cli/bin/load-command.js';

const { exports, script } = loadScoreThread({ useCache: false });

export default async function warmUp(task) {
  await exports.default(task);
  return script.createCachedData();
}
