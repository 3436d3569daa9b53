#!/usr/bin/env node
// `preach --version` alone is answered here, before the command's bundle is read: scripts and
// editors call it to find preach, and it then costs little more than starting Node.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // The bundle (scripts/bundle.mjs), with V8's code cache for it, starts in a fraction of the
  // time the modules in dist/ take.
  const { loadCommand } = await import('./load-command.js');
  process.exitCode = await loadCommand().exports.main(process.argv);
}
