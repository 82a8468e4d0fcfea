export * from './postgres-server';
export * from './databases';
export * from './test-database';
export * from './connection-url';
export * from './kafka-mock';
