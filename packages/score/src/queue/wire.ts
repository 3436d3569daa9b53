import { gunzipSync, gzipSync } from 'node:zlib';
import type { Conversation, ScoreOutcome } from '../types.js';
import type { ConfigBundle } from './bundle.js';

/** BullMQ's queue every producer and worker shares; runs are told apart by their id. */
export const QUEUE_NAME = 'preach-score';
/** Prefix of every Redis key preach writes, BullMQ's and its own. */
export const KEY_PREFIX = 'preach';
/** Conversations per shard: big enough that a job's round trip is small beside its scoring, small enough to spread a run. */
export const DEFAULT_SHARD_SIZE = 500;
/** Tries of a shard before it is reported as failed with its conversations. */
export const SHARD_ATTEMPTS = 3;

export const runKey = (runId: string) => `${KEY_PREFIX}:run:${runId}`;
export const manifestKey = (runId: string) => `${KEY_PREFIX}:run:${runId}:manifest`;
export const jobIdOf = (runId: string, shard: number) => `${runId}.${shard}`;

/**
 * What a report needs besides the scored conversations, in the order the reader met it:
 * an input opened (and its format), an importer's notice, a file problem.
 */
export type RunEvent =
  | { input: { source: string; format: string } }
  | { notice: { source: string; message: string; count?: number } }
  | { fileProblem: true }
  | { error: import('../types.js').RecordError };

/**
 * One shard's place in the run: its events and conversations in input order. A number stands
 * for that many conversations in a row, scored by a worker; the rest is replayed as it was read.
 */
export interface ShardManifest {
  shard: number;
  conversations: number;
  entries: Array<number | RunEvent>;
  /** Input bytes read when the shard was closed, for the progress bar. */
  bytesAt: number;
}

/** The run as stored in Redis: what a worker and a collecting producer need. */
export interface RunRecord {
  id: string;
  createdAt: string;
  bundle: ConfigBundle;
  shardSize: number;
  /** The inputs, by name and size: a resumed run must read the same. */
  inputs: Array<{ source: string; bytes?: number }>;
  totalBytes?: number;
  /** Set once every shard is enqueued: how many manifests the run has. */
  shards?: number;
  conversations?: number;
}

/** What a job carries: the run and shard, and the shard's conversations, compressed. */
export interface ShardJob {
  runId: string;
  shard: number;
  fingerprint: string;
  conversations: string;
}

/** What a worker returns for a shard: the outcomes in order, compressed. */
export interface ShardResult {
  outcomes: string;
  replies: number;
  worker: string;
}

export function pack(value: unknown): string {
  return gzipSync(JSON.stringify(value), { level: 1 }).toString('base64');
}

export function unpack<T>(text: string): T {
  return JSON.parse(gunzipSync(Buffer.from(text, 'base64')).toString('utf8')) as T;
}

export type PackedConversations = Conversation[];
export type PackedOutcomes = ScoreOutcome[];

/** `redis://host:port` as given, checked. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--queue needs a Redis URL such as redis://127.0.0.1:6379, got "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`--queue needs a redis:// or rediss:// URL, got "${url}"`);
  return url;
}
