import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl } from '@duban/queue';
import { TEST_REDIS_URL } from './test-env';

export interface TestRedis {
  url: string;
  /** A BullMQ prefix no other spec uses. */
  prefix: string;
  client: Redis;
  /** Deletes every key under the prefix and closes the client. */
  cleanup(): Promise<void>;
}

/** Deletes every key under a BullMQ prefix, a batch at a time (a spec's or a benchmark's own keys). */
export async function deleteKeysWithPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length) {
      await redis.unlink(...keys);
    }
  } while (cursor !== '0');
}

export function createTestRedis(): TestRedis {
  const prefix = `duban-test-${randomBytes(4).toString('hex')}`;
  const client = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  return {
    url: TEST_REDIS_URL,
    prefix,
    client,
    async cleanup() {
      await deleteKeysWithPrefix(client, prefix);
      await client.quit();
    },
  };
}
