import type { ScoreReport } from '../aggregate.js';
import type { ScoredConversation } from '../types.js';
import type { ReportSink, TextOut } from './sink.js';

/** Version of the JSON shape documented in docs/score-json.md; fields are only ever added. */
export const SCORE_JSON_VERSION = 1;

/** The JSON form of one conversation (docs/score-json.md). */
export function conversationJson(c: ScoredConversation): Record<string, unknown> {
  return {
    id: c.id,
    source: c.source,
    line: c.line,
    channel: c.channel ?? null,
    situation: c.situation,
    score: c.score,
    categories: c.categories,
    critical: c.critical,
    autoFail: c.critical,
    autoFailRules: c.autoFail,
    agents: c.agents,
    replies: c.replies.filter((r) => !r.bot).length,
    customerMessages: c.customerMessages,
    internalNotes: c.notes,
    findings: c.replies.reduce((sum, r) => sum + (r.bot ? 0 : r.findings.length), 0),
    ...(c.note ? { note: c.note } : {}),
    botMessages: c.botMessages,
    createdAt: c.facts.createdAt ?? null,
    firstMessageAt: c.facts.firstMessageAt ?? null,
    lastMessageAt: c.facts.lastMessageAt ?? null,
    tags: c.facts.tags,
    group: c.facts.group ?? null,
    brand: c.facts.brand ?? null,
    rating: c.facts.rating ?? null,
    leftOut: c.leftOut,
    messages: c.replies.map((r) => ({
      index: r.index,
      agent: r.agent.id,
      timestamp: r.timestamp ?? null,
      ...(r.bot ? { bot: true } : {}),
      score: r.score,
      categories: r.categories,
      words: r.words,
      critical: r.critical,
      autoFail: r.critical,
      autoFailRules: r.autoFail,
      situation: r.situation,
      mood: r.mood,
      ...(r.resolved ? { resolved: true } : {}),
      text: r.text,
      findings: r.findings,
    })),
  };
}

/**
 * `{"version", "conversations": [...], "agents", "rules", "errors", "summary"}`, written as it
 * goes: conversations first, one at a time, totals once the input is read.
 */
export function jsonSink(out: TextOut): ReportSink {
  let first = true;
  let started = false;
  const start = async () => {
    if (started) return;
    started = true;
    await out.write(`{\n  "version": ${SCORE_JSON_VERSION},\n  "conversations": [`);
  };
  return {
    async conversation(c) {
      await start();
      await out.write(`${first ? '\n' : ',\n'}    ${JSON.stringify(conversationJson(c))}`);
      first = false;
    },
    async finish(report: ScoreReport) {
      await start();
      const rest = {
        agents: report.agents,
        rules: report.rules,
        errors: report.errors,
        warnings: report.warnings,
        summary: report.summary,
        ...(report.filters ? { filters: report.filters } : {}),
        ...(report.agreement ? { agreement: report.agreement } : {}),
      };
      const tail = Object.entries(rest)
        .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
        .join(',\n');
      await out.write(`${first ? '' : '\n  '}],\n${tail}\n}\n`);
    },
  };
}
