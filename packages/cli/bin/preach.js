#!/usr/bin/env node
// The bundle (scripts/bundle.mjs) starts in a fraction of the time the modules in dist/ take.
import { main } from '../bundle/preach.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
