import retextEnglish from 'retext-english';
import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';

/** One finding of a retext checker, with offsets into the prose it ran on. */
export interface RetextHit {
  start: number;
  end: number;
  /** The words found, as written. */
  actual: string;
  /** The checker's suggestions (may be empty). */
  expected: string[];
  /** The checker's own rule id: the phrase for retext-simplify, filler/hedge/weasel for retext-intensify. */
  ruleId: string;
}

type Runner = (prose: string) => RetextHit[];

/**
 * Wraps a retext checker plugin (retext-simplify, retext-intensify, …) so a rule can run it over
 * masked prose: code, URLs and handles are already spaces, and offsets line up with the draft.
 */
export function retextRunner<Options>(plugin: Plugin<[Options?], any>, options: Options): Runner {
  const processor = unified().use(retextEnglish).use(plugin as Plugin<[Options?]>, options).freeze();
  return (prose) => {
    if (!prose.trim()) return [];
    const file = new VFile(prose);
    processor.runSync(processor.parse(file), file);
    return file.messages.map((message) => ({
      start: message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0,
      end: message.place && 'end' in message.place ? (message.place.end.offset ?? 0) : 0,
      actual: String(message.actual ?? ''),
      expected: (message.expected as string[] | undefined) ?? [],
      ruleId: message.ruleId ?? '',
    }));
  };
}
