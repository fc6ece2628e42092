export * from './entities';
export * from './enums';
export * from './data-source';
export * from './migrate';
export * from './snake-naming.strategy';
export * from './database.module';
export * from './ensure-database';
export * from './database-unavailable';
