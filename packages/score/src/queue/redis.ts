import { Redis } from 'ioredis';

/** How long a first connection to Redis may take before preach says it cannot reach it. */
const CONNECT_TIMEOUT_MS = 10_000;
/** Reconnections tried, a quarter second apart, before a lost Redis ends the command. */
const RECONNECT_TRIES = 40;

/** BullMQ's connection options for a URL: commands wait through a reconnection, as its workers need. */
export function bullConnection(url: string): { url: string; maxRetriesPerRequest: null; retryStrategy: (times: number) => number | null } {
  return { url, maxRetriesPerRequest: null, retryStrategy: (times) => (times > RECONNECT_TRIES ? null : 250) };
}

/**
 * A client for preach's own keys, connected before it is returned: an unreachable Redis is a
 * clear error within seconds, not a command that waits for ever.
 */
export async function connectRedis(url: string): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, maxRetriesPerRequest: 3, retryStrategy: (times) => (times > RECONNECT_TRIES ? null : 250) });
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    // Reported by the command that fails; a reconnection in progress is not an error yet.
    lastError = error;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    // "Connection is closed" says less than why it closed (ECONNREFUSED, a wrong password).
    throw new Error(`cannot reach Redis at ${shownUrl(url)}: ${(lastError ?? (error as Error)).message}`);
  }
  return client;
}

/** The URL without a password, for messages. */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
