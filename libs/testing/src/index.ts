export * from './test-env';
export * from './test-database';
export * from './test-redis';
export * from './poll-until';
export * from './test-config';
export * from './factories';
export * from './smtp-sink';
export * from './private-redis';
