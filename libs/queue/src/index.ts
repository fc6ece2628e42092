export * from './redis-options';
export * from './queue-root.module';
export * from './redis-client.module';
