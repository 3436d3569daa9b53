import cliProgress from 'cli-progress';

export interface Progress {
  bytes(count: number): void;
  scored(replies: number): void;
  /** Shards of a run on the queue collected, and how many there are once all are enqueued. */
  shard(done: number, total?: number): void;
  stop(): void;
}

const SILENT: Progress = { bytes() {}, scored() {}, shard() {}, stop() {} };

/**
 * A progress bar on standard error, only for a person watching a terminal: not when the report
 * goes down a pipe, not in CI, not when asked for quiet.
 */
export function createProgress(options: { enabled: boolean; totalBytes?: number; stderr: NodeJS.WritableStream; shards?: boolean }): Progress {
  if (!options.enabled) return SILENT;
  const started = Date.now();
  let conversations = 0;
  let replies = 0;
  let bytes = 0;
  let shards = '0';
  const total = options.totalBytes && options.totalBytes > 0 ? options.totalBytes : undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: options.stderr,
      format: `scoring${total ? ' {bar} {percentage}%' : ''}${options.shards ? ' | {shards} shards' : ''} | {conversations} conversations | {replies} replies | {rate} replies/s${total ? ' | ETA {eta_formatted}' : ''}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 1, 0, { conversations: 0, replies: 0, rate: 0, shards });
  let shardFraction: number | undefined;
  // On the queue, once every shard is enqueued, shards collected say best how far the run is: the
  // reader's bytes run ahead of the shards they were cut into.
  const position = () => (total ? Math.min(shardFraction === undefined ? bytes : Math.round(shardFraction * total), total) : 0);
  const payload = () => ({ shards, conversations: conversations.toLocaleString('en-US'), replies: replies.toLocaleString('en-US'), rate: Math.round(replies / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString('en-US') });
  return {
    bytes(count) {
      bytes += count;
    },
    scored(count) {
      conversations++;
      replies += count;
      bar.update(position(), payload());
    },
    shard(done, all) {
      shards = all === undefined ? String(done) : `${done}/${all}`;
      if (all) shardFraction = done / all;
      bar.update(position(), payload());
    },
    stop() {
      bar.stop();
    },
  };
}

/** Whether a progress bar belongs on this terminal. */
export function wantsProgress(io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }, writesToFile: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return false;
  if ((io.stderr as NodeJS.WriteStream).isTTY !== true) return false;
  return writesToFile || (io.stdout as NodeJS.WriteStream).isTTY === true;
}
