// The Web Worker: checks run here, so typing on the page never waits on one.
import { createHandler } from './handler.js';
import type { CheckerRequest } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckerRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createHandler();
scope.onmessage = (event) => scope.postMessage(handle(event.data));
