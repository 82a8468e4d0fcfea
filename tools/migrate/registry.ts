import type { ServiceMigrations } from '@motcua/persistence';
import { catalogueMigrations } from '../../apps/catalogue/src/procedure/persistence/migrations';
import { evaluationMigrations } from '../../apps/evaluation/src/counter/persistence/migrations';
import { intakeMigrations } from '../../apps/intake/src/dossier/persistence/migrations';
import { paymentMigrations } from '../../apps/payment/src/persistence/migrations';
import { postalMigrations } from '../../apps/postal/src/persistence/migrations';
import { processingMigrations } from '../../apps/processing/src/workflow/persistence/migrations';
import { tenantsMigrations } from '../../apps/tenants/src/tenant/persistence/migrations';

/** Every service's migrations, in the order the migrate-all command applies them. */
export const serviceMigrations: ServiceMigrations[] = [
  { service: 'tenants', migrations: tenantsMigrations },
  { service: 'catalogue', migrations: catalogueMigrations },
  { service: 'intake', migrations: intakeMigrations },
  { service: 'processing', migrations: processingMigrations },
  { service: 'payment', migrations: paymentMigrations },
  { service: 'postal', migrations: postalMigrations },
  { service: 'evaluation', migrations: evaluationMigrations },
];
