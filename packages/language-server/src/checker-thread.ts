import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckJob, CheckResult, FromWorker, Query, ToWorker } from './worker-protocol.js';

/**
 * The main thread's handle on the checker thread. The worker file sits next to this module
 * (`worker.js` in the package, `worker.cjs` in the editor bundle). A crashed worker is replaced.
 */
export class CheckerThread {
  private worker!: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private disposed = false;

  constructor(
    private readonly onResult: (result: CheckResult) => void,
    private readonly onCrash: (error: Error) => void,
  ) {
    this.spawn();
  }

  check(job: Omit<CheckJob, 'type'>): void {
    this.post({ type: 'check', ...job });
  }

  forget(uri: string): void {
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
    await this.worker.terminate();
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private spawn(): void {
    const here = fileURLToPath(import.meta.url);
    this.worker = new Worker(new URL(`./worker${extname(here)}`, import.meta.url));
    this.worker.on('message', (message: FromWorker) => {
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
