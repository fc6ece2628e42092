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

export function createTestRedis(): TestRedis {
  const prefix = `duban-test-${randomBytes(4).toString('hex')}`;
  const client = new Redis(redisOptionsFromUrl(TEST_REDIS_URL));
  return {
    url: TEST_REDIS_URL,
    prefix,
    client,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) {
          await client.unlink(...keys);
        }
      } while (cursor !== '0');
      await client.quit();
    },
  };
}
