// @preach/score/queue: `preach score --queue` and `preach worker`, on BullMQ over Redis. Loaded
// only by those commands, so a local run never loads the Redis client.
export { bundleConfig, ConfigMismatch, configFingerprint, unpackConfig, type ConfigBundle } from './bundle.js';
export { QueueRun, RunProblem, type CollectHooks, type StartRunOptions } from './producer.js';
export { shownUrl } from './redis.js';
export { startQueueWorker, type QueueWorker, type QueueWorkerOptions } from './worker.js';
export { checkRedisUrl, DEFAULT_SHARD_SIZE, type RunEvent } from './wire.js';
