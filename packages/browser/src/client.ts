import type { ReplyContext } from '@preach/core';
import type { CheckOutcome, NamedSource, RuleTestReport, SetupProblem, TeamSetup } from './engine.js';
import type { CheckerRequest, CheckerResponse } from './protocol.js';

/** The checker stopped before it answered; asking again starts it again. */
export class CheckerClosedError extends Error {
  constructor() {
    super('the checker stopped before it answered');
    this.name = 'CheckerClosedError';
  }
}

interface Lane {
  busy: boolean;
  queued?: { run: () => Promise<Extract<CheckerResponse, { type: 'check' }>>; resolve: (outcome: CheckOutcome | undefined) => void; reject: (error: Error) => void };
}

type Payload<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Anything that carries requests to a checker and answers back: a Worker, or a browser.runtime port. */
export interface CheckerChannel {
  send(request: CheckerRequest): void;
  onResponse(listener: (response: CheckerResponse) => void): void;
  /** The checker went away (a background the browser stopped): what was asked will not be answered. */
  onClose?(listener: () => void): void;
}

export function workerChannel(worker: Worker): CheckerChannel {
  return {
    send: (request) => worker.postMessage(request),
    onResponse: (listener) => worker.addEventListener('message', (event: MessageEvent<CheckerResponse>) => listener(event.data)),
  };
}

/**
 * Talks to a checker. A check asked for while an earlier one for the same key is on its way
 * supersedes it: the earlier promise resolves to undefined, so a page draws only the latest text.
 */
export class CheckerClient {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: CheckerResponse) => void; reject: (e: Error) => void }>();
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly channel: CheckerChannel) {
    channel.onResponse((response) => {
      const pending = this.waiting.get(response.id);
      if (!pending) return;
      this.waiting.delete(response.id);
      if (response.type === 'error') pending.reject(new Error(response.message));
      else pending.resolve(response);
    });
    channel.onClose?.(() => {
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const pending of waiting) pending.reject(new CheckerClosedError());
    });
  }

  private request<R extends CheckerResponse>(payload: Payload<CheckerRequest>): { id: number; answer: Promise<R> } {
    const id = this.nextId++;
    const answer = new Promise<R>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (r: CheckerResponse) => void, reject }));
    this.channel.send({ ...payload, id } as CheckerRequest);
    return { id, answer };
  }

  async setup(setup: TeamSetup): Promise<{ problems: SetupProblem[]; packRules: number; rules: number }> {
    const { answer } = this.request<Extract<CheckerResponse, { type: 'setup' }>>({ type: 'setup', setup });
    const { problems, packRules, rules } = await answer;
    return { problems, packRules, rules };
  }

  /**
   * The outcome, or undefined when a later check with the same key was asked for meanwhile. At
   * most one check per key is on its way and one waits behind it: a burst of keystrokes costs two
   * checks, not one per key, so the answer for the latest text never queues behind stale ones.
   */
  check(text: string, context: ReplyContext = {}, options: { key?: string; disable?: string[] } = {}): Promise<CheckOutcome | undefined> {
    const key = options.key ?? '';
    const lane = this.lanes.get(key) ?? { busy: false };
    this.lanes.set(key, lane);
    lane.queued?.resolve(undefined);
    return new Promise<CheckOutcome | undefined>((resolve, reject) => {
      lane.queued = { resolve, reject, run: () => this.request<Extract<CheckerResponse, { type: 'check' }>>({ type: 'check', text, context, disable: options.disable }).answer };
      if (!lane.busy) this.drain(lane);
    });
  }

  private drain(lane: Lane): void {
    const next = lane.queued;
    if (!next) return;
    lane.queued = undefined;
    lane.busy = true;
    next
      .run()
      .then((response) => next.resolve(lane.queued ? undefined : response.outcome), next.reject)
      .finally(() => {
        lane.busy = false;
        this.drain(lane);
      });
  }

  async situations(): Promise<Array<{ id: string; sensitivity: string; description?: string }>> {
    const { answer } = this.request<Extract<CheckerResponse, { type: 'situations' }>>({ type: 'situations' });
    return (await answer).situations;
  }

  async testRules(source: NamedSource): Promise<RuleTestReport> {
    const { answer } = this.request<Extract<CheckerResponse, { type: 'test-rules' }>>({ type: 'test-rules', source });
    return (await answer).report;
  }
}
