import type { Conversation } from '../types.js';
import type { JsonObject, People, RecordPlace } from './common.js';

/** What an importer is told about the record it reads. */
export interface ImportContext {
  place: RecordPlace;
  /** People listed in the same input (`users`, `agents`, `contacts`, JSON:API `included`). */
  people: People;
  /**
   * Says once per input that the importer had to assume something the export does not state
   * (e.g. who the customer is), for the conversation being read: repeated calls with the same
   * text are counted as conversations, not repeated.
   */
  notice(text: string): void;
}

/**
 * A piece of a conversation found on its own (a comment, an event, one message of a list that
 * mixes conversations), filed under the conversation it belongs to and assembled once the whole
 * input is read, whatever the order of the pieces. `key` is the conversation's id; an empty key
 * means "the only conversation of this input". `data` must survive JSON (pieces can wait on disk).
 */
export interface Piece {
  key: string;
  data: JsonObject;
}

/**
 * One input format: what it is, how it is recognised and how it is read. The registry
 * (registry.ts) lists them; `--input-format`, the help text, detection and the error for a record
 * nobody recognises all come from these descriptions.
 */
export interface RecordImporter {
  /** The format's name, for `--input-format` and the report's `inputs[].format`. */
  readonly name: string;
  /** What it reads, for people: "Zendesk tickets with their comments". */
  readonly title: string;
  /** How a record is recognised as this format, for people. */
  readonly recognisedBy: string;
  /** Whether a parsed JSON record is in this format. */
  matches(record: JsonObject): boolean;
  /** A whole conversation, or pieces of one (then `assemble` puts them together). */
  read(record: JsonObject, context: ImportContext): Conversation | Piece[];
  /** Builds a conversation from its pieces, in input order; throws RecordProblem when it cannot. */
  assemble?(key: string, pieces: readonly LocatedPiece[], context: ImportContext): Conversation;
}

export interface LocatedPiece {
  data: JsonObject;
  /** Where the record holding the piece starts. */
  line: number;
}
