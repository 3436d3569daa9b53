import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { lint } from '@preach/core';
import { defaultConfig } from '@preach/config';
const { config } = defaultConfig();
const ids = process.argv[2].split(',');
const only = { ...config, rules: new Map([...config.rules].filter(([id]) => ids.includes(id))), limits: { ...config.limits, timeBudgetMs: 600000 } };
const keys = { customer_name: 'customerName', customer_message: 'customerMessage', situation: 'situation', channel: 'channel', agent_name: 'agentName', tags: 'tags' };
for (const f of ['hand-check.yaml', 'style.yaml', 'tone.yaml']) for (const e of parse(readFileSync('test/fixtures/eval/' + f, 'utf8'))) {
  const ctx = Object.fromEntries(Object.entries(e.context ?? {}).map(([k, v]) => [keys[k], v]));
  const r = lint(e.text, ctx, only);
  for (const m of r.messages) if (!e.expect.includes(m.ruleId)) console.log(`${e.id} ${m.ruleId}: ${m.message.slice(0, 60)} || ${JSON.stringify(e.text).slice(0, 220)} || ${JSON.stringify(ctx.customerMessage ?? '').slice(0,80)}`);
}
