import { CATEGORY_IDS } from '@preach/core';
import { stringify } from 'csv-stringify/sync';
import type { ScoreReport } from '../aggregate.js';
import type { ScoredConversation } from '../types.js';
import type { ReportSink, TextOut } from './sink.js';

const CONVERSATION_COLUMNS = ['conversation_id', 'source', 'line', 'channel', 'situation', 'agents', 'replies', 'score', 'critical', ...CATEGORY_IDS, 'errors', 'warnings', 'suggestions', 'rules', 'note', 'started_at', 'tags', 'group', 'brand', 'rating', 'bot_messages', 'auto_fail', 'auto_fail_rules'];
const AGENT_COLUMNS = ['agent_id', 'agent', 'conversations', 'replies', 'score', 'critical_conversations', ...CATEGORY_IDS, 'findings', 'bot'];

/**
 * A cell a spreadsheet would run as a formula: one that starts with = + - @, a tab or a carriage
 * return (OWASP's CSV injection list), or the full-width = + - @ that some spreadsheets fold into
 * them. Ids, names and reasons come from transcripts, which anyone writing to the help desk controls.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Every CSV line preach writes goes through here. csv-stringify's `escape_formulas` prefixes such
 * a cell with a single quote, and `quoted_match` quotes it, as OWASP advises. Numbers are
 * left alone (a negative number is data, not a formula).
 */
const row = (values: unknown[]) =>
  stringify([values.map((v) => (v === null || v === undefined ? '' : typeof v === 'boolean' ? String(v) : v))], {
    escape_formulas: true,
    quoted_match: FORMULA_START,
  });

/** One row per conversation, written as scored; input errors follow as rows with a note. */
export function csvConversationSink(out: TextOut): ReportSink {
  let header = false;
  const start = async () => {
    if (!header) await out.write(row(CONVERSATION_COLUMNS));
    header = true;
  };
  return {
    async conversation(c: ScoredConversation) {
      await start();
      const agentReplies = c.replies.filter((r) => !r.bot);
      const findings = agentReplies.flatMap((r) => r.findings);
      const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
      await out.write(
        row([
          c.id,
          c.source,
          c.line,
          c.channel,
          c.situation.id,
          c.agents.map((a) => a.name).join('; '),
          agentReplies.length,
          c.score,
          c.critical,
          ...CATEGORY_IDS.map((category) => c.categories?.[category]),
          count('error'),
          count('warning'),
          count('suggestion'),
          [...new Set(findings.map((f) => f.ruleId))].join('; '),
          c.note,
          c.facts.createdAt ?? c.facts.firstMessageAt,
          c.facts.tags.join('; '),
          c.facts.group,
          c.facts.brand,
          c.facts.rating?.score,
          c.botMessages,
          c.critical,
          c.autoFail.join('; '),
        ]),
      );
    },
    async finish(report: ScoreReport) {
      await start();
      const noteAt = CONVERSATION_COLUMNS.indexOf('note');
      const withNote = (values: unknown[], note: string) => [...values, ...new Array(noteAt - values.length).fill(''), note, ...new Array(CONVERSATION_COLUMNS.length - noteAt - 1).fill('')];
      for (const error of report.errors) await out.write(row(withNote([error.id, error.source, error.line], `${error.file ? 'file not read' : 'not scored'}: ${error.reason}`)));
      for (const warning of report.warnings) await out.write(row(withNote(['', warning.source, ''], `${warning.severity === 'warning' ? 'warning' : 'note'}: ${warning.message}`)));
    },
  };
}

/** One row per agent, ranked, once everything is scored. */
export function csvAgentSink(out: TextOut): ReportSink {
  return {
    async conversation() {},
    async finish(report: ScoreReport) {
      await out.write(row(AGENT_COLUMNS));
      for (const a of report.agents) {
        await out.write(row([a.id, a.name, a.conversations, a.replies, a.score, a.critical, ...CATEGORY_IDS.map((c) => a.categories[c]), a.findings, a.bot ? true : false]));
      }
    },
  };
}
