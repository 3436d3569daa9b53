import { csvAgentSink, csvConversationSink } from './csv.js';
import { htmlSink } from './html.js';
import { jsonSink } from './json.js';
import type { ReportSink, TextOut } from './sink.js';
import { tableSink } from './table.js';

export interface SinkOptions {
  /** One of SCORE_FORMATS. */
  format: string;
  /** One of GROUP_BY; applies to CSV. */
  groupBy?: string;
  /** Colours in the terminal table. */
  color?: boolean;
  /** HTML: conversations an agent needs to be ranked. */
  minConversations?: number;
  /** HTML: the lowest conversations shown open. */
  openWorst?: number;
}

/** The report writer for a format: conversations stream into it, then the summary. */
export function createReportSink(out: TextOut, { format, groupBy = 'conversation', color = false, minConversations, openWorst }: SinkOptions): ReportSink {
  switch (format) {
    case 'json':
      return jsonSink(out);
    case 'csv':
      return groupBy === 'agent' ? csvAgentSink(out) : csvConversationSink(out);
    case 'html':
      return htmlSink(out, { minConversations, openWorst });
    default:
      return tableSink(out, { color });
  }
}
