import { readFileSync } from 'node:fs';
import { lint } from '@preach/core';
import { defaultConfig } from '@preach/config';
const { config } = defaultConfig();
const only = { ...config, rules: new Map([...config.rules].filter(([id]) => ['spelling', 'grammar'].includes(id))) };
const t0 = performance.now(); let n = 0;
for (const f of ['ibm-cdp-sample.jsonl', 'twcs-sample.jsonl']) {
  for (const line of readFileSync('/work/shared/data/transcripts/' + f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    const thread = [];
    for (const m of c.messages) {
      if (m.role === 'agent') {
        n++;
        const customer = thread.filter((t) => t.role === 'customer').at(-1)?.text;
        const r = lint(m.text, { customerMessage: customer, thread: thread.slice(0, -1), channel: 'social' }, only);
        for (const msg of r.messages) console.log(`${msg.ruleId} | ${JSON.stringify(msg.place?.start ? m.text.slice(msg.place.start.offset, msg.place.end.offset) : "")} | ${msg.message.slice(0, 70)} | ${(msg.expected ?? []).slice(0, 2).join('/')} | ${c.id} | ${JSON.stringify(m.text).slice(0, 160)}`);
      }
      thread.push({ role: m.role, text: m.text });
    }
  }
}
console.error(n, 'replies', ((performance.now() - t0) / n).toFixed(1), 'ms each');
