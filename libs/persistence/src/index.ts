export * from './service-database';
export * from './schema-sql';
export * from './data-source';
export * from './tenant-transaction';
export * from './migrate';
export * from './sql-migration';
