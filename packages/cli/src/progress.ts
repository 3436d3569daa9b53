import cliProgress from 'cli-progress';

export interface Progress {
  bytes(count: number): void;
  scored(replies: number): void;
  /** Shards of a run on the queue collected, and how many there are once all are enqueued. */
  shard(done: number, total?: number): void;
  stop(): void;
}

const SILENT: Progress = { bytes() {}, scored() {}, shard() {}, stop() {} };

export interface ProgressOptions {
  enabled: boolean;
  totalBytes?: number;
  stderr: NodeJS.WritableStream;
  /** The clock, in milliseconds (tests give a fixed one). */
  now?: () => number;
  /** Show shards done (a run on the queue). */
  shards?: boolean;
}

/**
 * A progress bar on standard error, only for a person watching a terminal: not when the report
 * goes down a pipe, not in CI, not when asked for quiet. The time left and the rate are computed
 * here, not by cli-progress, whose ETA reads "NFs" while nothing has been read yet; a figure that
 * cannot be known yet shows as "–". Once the bar stops, one line stays with what was done and
 * how fast.
 */
export function createProgress(options: ProgressOptions): Progress {
  if (!options.enabled) return SILENT;
  const now = options.now ?? Date.now;
  const started = now();
  let conversations = 0;
  let replies = 0;
  let bytes = 0;
  let stopped = false;
  let shards = '0';
  const total = options.totalBytes && options.totalBytes > 0 ? options.totalBytes : undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: options.stderr,
      format: `scoring${total ? ' {bar} {percentage}%' : ''}${options.shards ? ' | {shards} shards' : ''} | {conversations} conversations | {replies} replies | {rate} replies/s${total ? ' | ETA {remaining}' : ''}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const seconds = () => Math.max(0, (now() - started) / 1000);
  let shardFraction: number | undefined;
  // On the queue, once every shard is enqueued, shards collected say best how far the run is: the
  // reader's bytes run ahead of the shards they were cut into.
  const position = () => (total ? Math.min(shardFraction === undefined ? bytes : Math.round(shardFraction * total), total) : 0);
  const payload = () => {
    const elapsed = seconds();
    return {
      shards,
      conversations: conversations.toLocaleString('en-US'),
      replies: replies.toLocaleString('en-US'),
      rate: formatRate(replies, elapsed),
      remaining: total ? formatDuration(timeLeft(position(), total, elapsed)) : '–',
    };
  };
  bar.start(total ?? 1, 0, payload());
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
      if (stopped) return;
      stopped = true;
      bar.update(position(), payload());
      bar.stop();
      options.stderr.write(`${finalLine(conversations, replies, seconds())}\n`);
    },
  };
}

/** What stays on the terminal after the bar: "scored 1,311 conversations, 3,120 replies in 12.4 s (252 replies/s)". */
export function finalLine(conversations: number, replies: number, elapsedSeconds: number): string {
  const rate = formatRate(replies, elapsedSeconds);
  const took = formatDuration(elapsedSeconds, true);
  return `scored ${conversations.toLocaleString('en-US')} ${conversations === 1 ? 'conversation' : 'conversations'}, ${replies.toLocaleString('en-US')} ${replies === 1 ? 'reply' : 'replies'} in ${took}${rate === '–' ? '' : ` (${rate} replies/s)`}`;
}

/** Seconds left at the pace so far; undefined until something has been read and time has passed. */
export function timeLeft(done: number, total: number, elapsedSeconds: number): number | undefined {
  if (!(done > 0) || !(elapsedSeconds > 0) || !(total > 0)) return undefined;
  const left = (elapsedSeconds * (total - done)) / done;
  return Number.isFinite(left) && left >= 0 ? left : undefined;
}

/** Replies per second, rounded; "–" when no time has passed to measure it over. */
export function formatRate(replies: number, elapsedSeconds: number): string {
  if (!(elapsedSeconds > 0) || !Number.isFinite(replies)) return '–';
  const rate = replies / elapsedSeconds;
  return Number.isFinite(rate) ? Math.round(rate).toLocaleString('en-US') : '–';
}

/** "42s", "3m 05s", "2h 07m"; "–" when unknown. `precise` gives tenths under a minute ("0.4 s"). */
export function formatDuration(seconds: number | undefined, precise = false): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 60) return precise ? `${seconds.toFixed(1)} s` : `${Math.ceil(seconds)}s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/** Whether a progress bar belongs on this terminal. */
export function wantsProgress(io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }, writesToFile: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return false;
  if ((io.stderr as NodeJS.WriteStream).isTTY !== true) return false;
  return writesToFile || (io.stdout as NodeJS.WriteStream).isTTY === true;
}
