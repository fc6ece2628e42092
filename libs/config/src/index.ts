export * from './config.schema';
export * from './config.errors';
export * from './config.loader';
export * from './config.module';
export * from './production-secrets';
