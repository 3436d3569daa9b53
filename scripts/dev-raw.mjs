import { readFileSync } from 'node:fs';
import { buildProse } from '@preach/core';
import { checkWriting } from '../rules/dist/src/writing/checker.js';
const kinds = new Map();
for (const f of ['ibm-cdp-sample.jsonl', 'twcs-sample.jsonl']) {
  for (const line of readFileSync('/work/shared/data/transcripts/' + f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    for (const m of c.messages) if (m.role === 'agent') {
      const prose = buildProse(m.text, 0).prose;
      for (const fd of checkWriting(prose)) {
        if (fd.kind === 'Formatting') continue;
        kinds.set(fd.kind, (kinds.get(fd.kind) ?? 0) + 1);
        console.log(`${fd.kind} | ${JSON.stringify(prose.slice(fd.start, fd.end))} | ${fd.suggestions.slice(0, 2).join('/')} | ${fd.message.slice(0, 60)} | ${JSON.stringify(m.text.slice(Math.max(0, fd.start - 40), fd.end + 40))}`);
      }
    }
  }
}
console.error(kinds);
