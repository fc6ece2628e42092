import type { RedisOptions } from 'ioredis';
import type { RedisOptions as BullRedisOptions } from 'bullmq';

/**
 * ioredis options from a redis:// URL. BullMQ workers block on Redis, so requests must never
 * give up on their own (maxRetriesPerRequest: null); reconnects back off up to 2 s.
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace(/^\//, '');
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: db ? Number(db) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  };
}

/** The same connection in BullMQ's own option type (its workers duplicate it for blocking calls). */
export function bullConnectionFromUrl(url: string): BullRedisOptions {
  const { host, port, username, password, db, tls, maxRetriesPerRequest, enableReadyCheck } =
    redisOptionsFromUrl(url);
  return {
    host,
    port,
    username,
    password,
    db,
    tls,
    maxRetriesPerRequest,
    enableReadyCheck,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  };
}
