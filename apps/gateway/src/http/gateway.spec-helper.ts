// Support for the gateway's in-process specs (not a spec itself): the real GatewayModule and
// HTTP conventions, with the services, the tenant registry and the token verifier replaced
// by fakes, driven through fastify's inject (no port, no network).
import { Test } from '@nestjs/testing';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { AuthError, AuthErrorCode, Principal, TokenVerifier } from '@motcua/auth';
import { TenantDirectory } from '../access/tenant-directory';
import { GatewayModule } from '../app.module';
import { ServiceClients } from '../clients/service-clients';
import { GatewayConfig, loadGatewayConfig } from '../config/gateway.config';
import { RequestGuardLifecycle } from '../guards/request-guards';
import { DOCUMENTATION_ENV } from '../openapi/document-app';
import { configureGatewayHttp } from './configure-http';

/** Bearer tokens the fake verifier knows: `Authorization: Bearer <name>`. */
export const TEST_PRINCIPALS: Readonly<Record<string, Principal>> = {
  citizen: { subject: 'citizen-1', roles: ['citizen'], issuer: 'https://citizen.test' },
  'national-admin': { subject: 'national-1', roles: ['national_admin'], issuer: 'https://national.test' },
  'hy-admin': { subject: 'hy-admin-1', roles: ['tenant_admin'], tenantId: 'hung-yen', issuer: 'https://hung-yen.test' },
};

export const KNOWN_TENANTS = new Set(['hung-yen', 'hue']);

/** A grpc-js ServiceError as a client sees it when nothing answers. */
export function unreachableError(): Error {
  return Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
    code: GrpcStatus.UNAVAILABLE,
    details: 'No connection established',
    metadata: new Metadata(),
  });
}

type FakeMethod = jest.Mock<Promise<unknown>, [Record<string, unknown>]>;
export type FakeClients = Record<'tenants' | 'catalogue' | 'intake' | 'processing' | 'evaluation', Record<string, FakeMethod>>;

export interface TestGateway {
  app: NestFastifyApplication;
  config: GatewayConfig;
  clients: FakeClients;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const fake = (answer: (request: Record<string, unknown>) => Promise<unknown>): FakeMethod => jest.fn(answer);

function fakeClients(): FakeClients {
  const tenant = (id: string) => ({ id, officialCode: '33', name: 'Hưng Yên', status: 'active', onboardedAt: '2026-11-26T03:00:00.000Z' });
  return {
    tenants: {
      getTenant: fake(async (request) => tenant(String(request.id))),
      listTenants: fake(async () => ({ tenants: [], nextPageToken: '' })),
      onboardTenant: fake(async (request) => tenant(String(request.id))),
    },
    catalogue: { getProcedure: fake(async () => ({})), createProcedure: fake(async () => ({})) },
    intake: { getDossier: fake(async (request) => ({ id: request.id, status: 'submitted' })), submitDossier: fake(async () => ({})) },
    processing: { listDossierTasks: fake(async () => ({ tasks: [] })) },
    evaluation: { getDossierCounters: fake(async () => ({ tenantId: 'hung-yen', submitted: '3', updatedAt: '' })) },
  };
}

export async function startTestGateway(env: NodeJS.ProcessEnv = {}): Promise<TestGateway> {
  const config = loadGatewayConfig({ ...DOCUMENTATION_ENV, ...env });
  const clients = fakeClients();
  const verifier = {
    verify: async (header: string | undefined): Promise<Principal> => {
      const principal = TEST_PRINCIPALS[header?.replace(/^Bearer /, '') ?? ''];
      if (!principal) throw new AuthError(header ? AuthErrorCode.TokenInvalid : AuthErrorCode.TokenMissing, 'test token refused');
      return principal;
    },
  };
  const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.forConfig(config)] })
    .overrideProvider(ServiceClients)
    .useValue({ ...clients, onApplicationShutdown: () => undefined })
    .overrideProvider(TenantDirectory)
    .useValue({ exists: async (tenantId: string) => KNOWN_TENANTS.has(tenantId) })
    .overrideProvider(TokenVerifier)
    .useValue(verifier)
    // No Kafka here: the audit producer would retry connecting long after the spec ends.
    .overrideProvider(RequestGuardLifecycle)
    .useValue({})
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES }), { logger: false });
  configureGatewayHttp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    clients,
    inject: (options) => app.inject(options),
    close: () => app.close(),
  };
}
