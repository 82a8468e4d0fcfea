import { CreateTenants } from './1764115200000-create-tenants.migration';

export const tenantsMigrations = [CreateTenants];
