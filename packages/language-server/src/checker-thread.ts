import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { formatSeconds } from '@preach/core';
import type { CheckJob, CheckProgress, CheckResult, FromWorker, Query, ToWorker } from './worker-protocol.js';

/**
 * The main thread's handle on the checker thread. The worker file sits next to this module
 * (`worker.js` in the package, `worker.cjs` in the editor bundle). A crashed worker is replaced.
 *
 * A check stops itself between rules when it runs out of time (limits.time_budget); a single
 * rule that never returns cannot, so a check still running at the budget and as long again has
 * its thread stopped and replaced, and the draft is told so. The other drafts are checked again.
 */
export class CheckerThread {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private disposed = false;
  /** The latest check asked for each draft, to ask again after a stuck thread is replaced. */
  private readonly latest = new Map<string, Omit<CheckJob, 'type'>>();
  private watchdog?: NodeJS.Timeout;

  constructor(
    private readonly onResult: (result: CheckResult) => void,
    private readonly onCrash: (error: Error) => void,
  ) {
    this.spawn();
  }

  check(job: Omit<CheckJob, 'type'>): void {
    this.latest.set(job.uri, job);
    this.post({ type: 'check', ...job });
  }

  forget(uri: string): void {
    this.latest.delete(uri);
    this.post({ type: 'forget', uri });
  }

  reload(): void {
    this.post({ type: 'reload' });
  }

  query<T>(query: Query): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.post({ type: 'query', id, query });
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.watchdog);
    await this.worker.terminate();
  }

  private watch(progress: CheckProgress): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    if (progress.stage !== 'started' || progress.budgetMs === undefined) return;
    const limitMs = progress.budgetMs + Math.max(1000, progress.budgetMs);
    this.watchdog = setTimeout(() => this.stopStuck(progress, limitMs), limitMs);
  }

  private stopStuck(progress: CheckProgress, afterMs: number): void {
    this.watchdog = undefined;
    const stuck = this.latest.get(progress.uri);
    // Asked again after the restart: every draft but this text of this one, which would stick again.
    const again = [...this.latest.values()].filter((job) => job !== stuck || job.version !== progress.version);
    void this.worker.terminate().then(() => {
      for (const job of again) this.post({ type: 'check', ...job });
    });
    this.onResult({
      type: 'result',
      uri: progress.uri,
      version: progress.version,
      ms: afterMs,
      docs: {},
      configFiles: [],
      stopped: `preach stopped checking this draft after ${formatSeconds(afterMs)}: a rule did not finish, so the checker was restarted. Turn the rule off or make its patterns simpler; the time budget is limits.time_budget in .preachrc.`,
    });
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private spawn(): void {
    const here = fileURLToPath(import.meta.url);
    this.worker = new Worker(new URL(`./worker${extname(here)}`, import.meta.url));
    this.worker.on('message', (message: FromWorker) => {
      if (message.type === 'progress') return this.watch(message);
      if (message.type === 'result') return this.onResult(message);
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    });
    this.worker.on('error', (error) => this.onCrash(error));
    this.worker.on('exit', () => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error('the checker thread stopped'));
      this.waiting.clear();
      if (!this.disposed) this.spawn();
    });
  }
}
