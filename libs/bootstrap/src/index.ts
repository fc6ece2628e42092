export * from './startup.errors';
export * from './preflight';
export * from './logger';
export * from './run-service';
