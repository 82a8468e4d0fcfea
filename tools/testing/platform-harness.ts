// The whole platform in one process for end-to-end tests: a fresh copy of the migrated
// database, a Kafka mock broker, the local identity providers and every service, each
// configured from an environment the way its own process would be.
import { serviceDatabaseNames } from '@motcua/persistence';
import { EventConsumers, RunningService } from '@motcua/platform';
import { createTestDatabase, freePort, KafkaBrokers, resolveKafkaBrokers, TestDatabase } from '@motcua/testing';
import { startCatalogue } from '../../apps/catalogue/src/main';
import { loadCatalogueConfig } from '../../apps/catalogue/src/config/catalogue.config';
import { loadEvaluationConfig } from '../../apps/evaluation/src/config/evaluation.config';
import { startEvaluation } from '../../apps/evaluation/src/main';
import { loadGatewayConfig } from '../../apps/gateway/src/config/gateway.config';
import { startGateway } from '../../apps/gateway/src/main';
import { loadIntakeConfig } from '../../apps/intake/src/config/intake.config';
import { startIntake } from '../../apps/intake/src/main';
import { loadPaymentConfig } from '../../apps/payment/src/config/payment.config';
import { startPayment } from '../../apps/payment/src/main';
import { loadPostalConfig } from '../../apps/postal/src/config/postal.config';
import { startPostal } from '../../apps/postal/src/main';
import { loadProcessingConfig } from '../../apps/processing/src/config/processing.config';
import { startProcessing } from '../../apps/processing/src/main';
import { loadTenantsConfig } from '../../apps/tenants/src/config/tenants.config';
import { startTenants } from '../../apps/tenants/src/main';
import { LocalIdentity, startLocalIdentity } from '../oidc-dev/src';

export interface Platform {
  gatewayUrl: string;
  database: TestDatabase;
  kafka: KafkaBrokers;
  identity: LocalIdentity;
  services: Record<string, RunningService>;
  /** The gateway's environment: start another replica with `startGateway(loadGatewayConfig(platform.gatewayEnv))`. */
  gatewayEnv: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** Added to (or overriding) the gateway's environment, e.g. tight rate limits or `REDIS_URL`. */
  gatewayEnv?: NodeJS.ProcessEnv;
}

const DATA_SERVICES = ['tenants', 'catalogue', 'intake', 'processing', 'payment', 'postal', 'evaluation'] as const;
type DataService = (typeof DATA_SERVICES)[number];

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const database = await createTestDatabase();
  const kafka = await resolveKafkaBrokers();
  const identity = await startLocalIdentity();
  const grpcPorts = Object.fromEntries(await Promise.all(DATA_SERVICES.map(async (name) => [name, await freePort()] as const))) as Record<DataService, number>;
  const grpcUrl = (name: DataService) => `127.0.0.1:${grpcPorts[name]}`;
  const envOf = (name: DataService): NodeJS.ProcessEnv => {
    const roles = serviceDatabaseNames(name);
    return {
      DATABASE_URL: database.urlAs(roles.appRole),
      OUTBOX_RELAY_DATABASE_URL: database.urlAs(roles.relayRole),
      KAFKA_BROKERS: kafka.brokers.join(','),
      KAFKA_MAX_WAIT_MS: '50',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      KAFKA_HEARTBEAT_MS: '500',
      GRPC_URL: grpcUrl(name),
      LOG_LEVEL: process.env.MOTCUA_TEST_LOG_LEVEL ?? 'silent',
      SHUTDOWN_GRACE_MS: '5000',
    };
  };
  const services: Record<string, RunningService> = {};
  let gatewayEnv: NodeJS.ProcessEnv = {};
  const stopAll = async () => {
    for (const service of Object.values(services).reverse()) await service.stop();
    await identity.stop();
    await kafka.stop();
    await database.drop();
  };
  try {
    services.tenants = await startTenants(loadTenantsConfig(envOf('tenants')));
    services.catalogue = await startCatalogue(loadCatalogueConfig(envOf('catalogue')));
    services.intake = await startIntake(
      loadIntakeConfig({
        ...envOf('intake'),
        CATALOGUE_GRPC_URL: grpcUrl('catalogue'),
        PROCESSING_GRPC_URL: grpcUrl('processing'),
        PSEUDONYM_KEY: 'test-pseudonym-key-0123456789abcdef',
      }),
    );
    services.processing = await startProcessing(loadProcessingConfig({ ...envOf('processing'), CATALOGUE_GRPC_URL: grpcUrl('catalogue') }));
    services.payment = await startPayment(loadPaymentConfig(envOf('payment')));
    services.postal = await startPostal(loadPostalConfig(envOf('postal')));
    services.evaluation = await startEvaluation(loadEvaluationConfig(envOf('evaluation')));
    gatewayEnv = {
      HTTP_PORT: '0',
      LOG_LEVEL: process.env.MOTCUA_TEST_LOG_LEVEL ?? 'silent',
      TENANTS_GRPC_URL: grpcUrl('tenants'),
      CATALOGUE_GRPC_URL: grpcUrl('catalogue'),
      INTAKE_GRPC_URL: grpcUrl('intake'),
      PROCESSING_GRPC_URL: grpcUrl('processing'),
      EVALUATION_GRPC_URL: grpcUrl('evaluation'),
      AUTH_ISSUERS: JSON.stringify(identity.issuers),
      TENANT_CACHE_TTL_MS: '0',
      KAFKA_BROKERS: kafka.brokers.join(','),
      // A loaded 2-core CI machine can be slow to answer a probe; a stopped service is refused at once anyway.
      DEPENDENCY_PROBE_TIMEOUT_MS: '3000',
      ...options.gatewayEnv,
    };
    services.gateway = await startGateway(loadGatewayConfig(gatewayEnv));
    // Consumers join their groups before the test starts producing (the first join takes ~3 s).
    await Promise.all(
      DATA_SERVICES.map((name) => services[name].app.get(EventConsumers).joined()),
    );
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { gatewayUrl: services.gateway.httpUrl, database, kafka, identity, services, gatewayEnv, stop: stopAll };
}
