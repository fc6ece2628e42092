import { type DubanConfig, validateConfig } from '@duban/config';

/** A complete, valid configuration pointing at the spec's own database and Redis prefix. */
export function testConfig(overrides: {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}): DubanConfig {
  return validateConfig({
    database: { url: overrides.databaseUrl, poolSize: 5 },
    redis: { url: overrides.redisUrl, prefix: overrides.redisPrefix },
    smtp: {
      url: 'smtp://127.0.0.1:1025',
      from: 'duban-test <duban@localhost>',
      maxConnections: 2,
      ratePerSecond: 1000,
    },
    timezone: 'Asia/Shanghai',
    api: { port: 0, bodyLimitBytes: 5 * 1024 * 1024 },
    reporting: { dueDayOfMonth: 28 },
    auth: { jwtSecret: 'duban-test-secret-0123456789-abcdefghij', tokenTtlSeconds: 3600 },
    outbox: { pollIntervalMs: 50, batchSize: 500, relayEnabled: false },
    log: { level: 'warn', json: true },
  });
}
