// Writes packages/cli/bundle/preach.cjs.cache: V8's code cache for the command's bundle, taken
// after the bundle has linted the bundled example reply, so it holds the functions a `preach lint`
// runs already compiled (bin/load-command.js reads it). Run by build.mjs after the bundles; a
// Node version other than the one that ran this rejects the cache, and preach then compiles the
// bundle as it would without one.
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_CACHE, loadCommand } from '../packages/cli/bin/load-command.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { exports, script } = loadCommand({ useCache: false });
const quiet = { write: () => true };
// The example reply has a customer message, so situation inference and every rule run.
const example = join(root, 'examples', 'refund-reply.md');
await exports.main(['node', 'preach', 'lint', example, '--no-config'], { stdout: quiet, stderr: quiet });
writeFileSync(`${CODE_CACHE}.tmp`, script.createCachedData());
renameSync(`${CODE_CACHE}.tmp`, CODE_CACHE);
