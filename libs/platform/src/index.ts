export * from './config';
export * from './tokens';
export * from './platform.module';
export * from './database.module';
export * from './health.controller';
export * from './bootstrap';
export * from './messaging.module';
export * from './data-service';
