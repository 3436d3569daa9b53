import type { Conversation } from '../types.js';
import { isObject, RecordProblem, stringOrUndefined, type JsonObject } from './common.js';
import { CSV_FORMAT } from './csv.js';
import { freshdesk } from './freshdesk.js';
import { freshdeskConversations } from './freshdesk-conversations.js';
import { front } from './front.js';
import { gorgias } from './gorgias.js';
import { helpScout } from './helpscout.js';
import type { ImportContext, Piece, RecordImporter } from './importer.js';
import { intercom } from './intercom.js';
import { kustomer } from './kustomer.js';
import { preach } from './preach.js';
import { zendesk } from './zendesk.js';
import { zendeskComments } from './zendesk-comments.js';
import { zendeskConversationLog } from './zendesk-conversation-log.js';
import { zendeskEvents } from './zendesk-events.js';

/**
 * Every JSON record format, most specific first: a record is read by the first importer that
 * recognises it. This list is the only place formats are named; `--input-format`, `preach score
 * --help`, detection and the error for an unrecognised record are all made from it.
 */
export const RECORD_IMPORTERS: readonly RecordImporter[] = [
  zendeskEvents,
  zendeskConversationLog,
  kustomer,
  front,
  gorgias,
  intercom,
  helpScout,
  freshdeskConversations,
  freshdesk,
  zendeskComments,
  zendesk,
  preach,
];

/** How records are laid out, named with `--input-format` when detection should not guess. */
export const LAYOUTS = [
  { name: 'jsonl', title: 'one JSON record per line, each read by the importer that recognises it' },
  { name: 'json', title: 'a JSON document (a list, or an export object holding lists), each record read by the importer that recognises it' },
] as const;

/** Every `--input-format` value (besides `auto`). */
export const INPUT_FORMATS: readonly string[] = [...LAYOUTS.map((l) => l.name), ...RECORD_IMPORTERS.map((i) => i.name), CSV_FORMAT.name];

/** The formats as `preach score --help` lists them. */
export function describeFormats(): string {
  const rows = [...LAYOUTS.map((l) => [l.name, l.title]), ...RECORD_IMPORTERS.map((i) => [i.name, `${i.title}; recognised by ${i.recognisedBy}`]), [CSV_FORMAT.name, CSV_FORMAT.title]];
  const width = Math.max(...rows.map(([name]) => name!.length));
  return rows.map(([name, text]) => `  ${name!.padEnd(width)}  ${text}`).join('\n');
}

export function importerNamed(name: string): RecordImporter | undefined {
  return RECORD_IMPORTERS.find((importer) => importer.name === name);
}

export function recognise(record: JsonObject): RecordImporter | undefined {
  return RECORD_IMPORTERS.find((importer) => importer.matches(record));
}

/**
 * Reads one parsed record with the importer `format` names, or the one that recognises it.
 * Throws RecordProblem for a record no importer recognises, naming the keys it has.
 */
export function readRecord(record: unknown, context: ImportContext, format?: string): { importer: RecordImporter; result: Conversation | Piece[] } {
  if (!isObject(record)) throw new RecordProblem(`is ${Array.isArray(record) ? 'a list' : record === null ? 'null' : typeof record}, not a conversation object`);
  const importer = (format && importerNamed(format)) || recognise(record);
  if (!importer) throw new RecordProblem(notAConversation(record), stringOrUndefined(record.id));
  return { importer, result: importer.read(record, context) };
}

function notAConversation(record: JsonObject): string {
  const keys = Object.keys(record);
  const shown = keys.slice(0, 8).map((key) => `"${key}"`).join(', ');
  return `is not a conversation in any format preach reads (its keys: ${shown || 'none'}${keys.length > 8 ? ', …' : ''}); the formats are ${RECORD_IMPORTERS.map((i) => i.name).join(', ')} (\`preach score --help\` says how each is recognised), or name one with --input-format`;
}
