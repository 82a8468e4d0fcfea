export * from './tenant-context';
export * from './tenancy.errors';
export * from './carrier';
