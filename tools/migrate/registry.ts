import type { ServiceMigrations } from '@motcua/persistence';

/** Every service's migrations, in the order the migrate-all command applies them. */
export const serviceMigrations: ServiceMigrations[] = [];
