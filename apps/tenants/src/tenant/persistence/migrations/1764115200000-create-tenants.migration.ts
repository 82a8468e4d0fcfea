import { inboxTableSql, outboxTableSql } from '@motcua/messaging';
import { sqlMigration } from '@motcua/persistence';

export const CreateTenants = sqlMigration(
  'CreateTenants1764115200000',
  [
    `CREATE TABLE tenants.tenants (
       id text PRIMARY KEY,
       official_code char(2) NOT NULL UNIQUE,
       name text NOT NULL,
       status text NOT NULL CHECK (status IN ('active')),
       onboarded_at timestamptz NOT NULL
     )`,
    ...outboxTableSql('tenants'),
    ...inboxTableSql('tenants'),
  ],
  [`DROP TABLE tenants.inbox`, `DROP TABLE tenants.outbox`, `DROP TABLE tenants.tenants`],
);
