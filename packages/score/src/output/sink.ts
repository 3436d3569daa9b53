import type { ScoreReport } from '../aggregate.js';
import type { ScoredConversation } from '../types.js';

/** Somewhere text goes, with backpressure: a file stream or standard output. */
export interface TextOut {
  write(text: string): Promise<void>;
}

export function textOut(stream: NodeJS.WritableStream): TextOut {
  return {
    write: (text) =>
      new Promise((resolve, reject) => {
        if (stream.write(text)) return resolve();
        const onDrain = () => {
          stream.off('error', onError);
          resolve();
        };
        const onError = (error: Error) => {
          stream.off('drain', onDrain);
          reject(error);
        };
        stream.once('drain', onDrain).once('error', onError);
      }),
  };
}

/**
 * A report format. Conversations stream through `conversation` as they are scored (JSON and
 * CSV write them at once); `finish` writes whatever needs the totals.
 */
export interface ReportSink {
  conversation(conversation: ScoredConversation): Promise<void>;
  finish(report: ScoreReport): Promise<void>;
}
