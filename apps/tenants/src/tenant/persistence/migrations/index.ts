import { CreateAuditLog } from '../../../audit/persistence/migrations/1764201600000-create-audit-log.migration';
import { CreateTenants } from './1764115200000-create-tenants.migration';

/** Every migration of the tenants service, oldest first (the audit log's lives in its feature folder). */
export const tenantsMigrations = [CreateTenants, CreateAuditLog];
