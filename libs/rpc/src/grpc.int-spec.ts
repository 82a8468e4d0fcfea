import { dirname, join } from 'node:path';
import { credentials, loadPackageDefinition, Metadata, status, type Client, type ClientDuplexStream } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { Controller, type INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { defer, delay, type Observable, of } from 'rxjs';
import { CatalogueV1, EvaluationV1, GrpcServices, TenantsV1 } from '@motcua/contracts';
import { currentTenant, runInTenant, tryCurrentTenant, type TenantContext } from '@motcua/tenancy';
import { freePort } from '@motcua/testing';
import { DomainError, type ErrorCategory } from '@motcua/domain-kernel';
import {
  assertNever,
  checkGrpcHealth,
  connectGrpcMicroservice,
  createGrpcClient,
  DEFAULT_MAX_MESSAGE_BYTES,
  type GrpcClient,
  type GrpcHealth,
  readRpcError,
  TenantFree,
  toProblemDetails,
} from './index';

enum CatalogueTestErrorCode {
  ProcedureNotFound = 'PROCEDURE_NOT_FOUND',
  ProcedureIncomplete = 'PROCEDURE_INCOMPLETE',
}

class CatalogueTestError extends DomainError<CatalogueTestErrorCode> {
  get category(): ErrorCategory {
    switch (this.code) {
      case CatalogueTestErrorCode.ProcedureNotFound:
        return 'not_found';
      case CatalogueTestErrorCode.ProcedureIncomplete:
        return 'unprocessable';
      default:
        return assertNever(this.code);
    }
  }

  constructor(code: CatalogueTestErrorCode, details: Record<string, unknown>) {
    super(code, `Procedure problem: ${code}`, details);
  }
}

/** Unref'd, so a handler still sleeping after its caller gave up does not hold the test process. */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

@Controller()
@EvaluationV1.EvaluationServiceControllerMethods()
class EvaluationTestController implements EvaluationV1.EvaluationServiceController {
  async getDossierCounters(): Promise<EvaluationV1.DossierCounters> {
    await sleep(5); // the context must survive awaits
    return { tenantId: currentTenant().tenantId, submitted: '9007199254740993', updatedAt: '' };
  }
}

@Controller()
@CatalogueV1.CatalogueServiceControllerMethods()
class CatalogueTestController implements CatalogueV1.CatalogueServiceController {
  createProcedure(): CatalogueV1.Procedure {
    throw new Error('the database password is hunter2'); // an unexpected failure
  }

  getProcedure(request: CatalogueV1.GetProcedureRequest): Promise<CatalogueV1.Procedure> | Observable<CatalogueV1.Procedure> {
    switch (request.code) {
      case 'missing':
        throw new CatalogueTestError(CatalogueTestErrorCode.ProcedureNotFound, { procedureCode: request.code });
      case 'incomplete':
        throw new CatalogueTestError(CatalogueTestErrorCode.ProcedureIncomplete, {
          errors: [{ field: 'components', message: 'Thiếu thành phần bắt buộc' }],
        });
      case 'slow':
        return sleep(1500).then(() => procedure('slow'));
      default:
        // An Observable handler: the context must be bound where it emits.
        return defer(() => of(procedure(request.id ?? ''))).pipe(delay(5));
    }
  }

  // The rest of the service is not what this suite exercises.
  amendProcedure(): never {
    return notUsedHere();
  }

  withdrawProcedure(): never {
    return notUsedHere();
  }

  listProcedureVersions(): never {
    return notUsedHere();
  }

  listRequiredComponents(): never {
    return notUsedHere();
  }

  assessFees(): never {
    return notUsedHere();
  }

  computeAppointment(): never {
    return notUsedHere();
  }

  resolveCompetentAgency(): never {
    return notUsedHere();
  }

  canDeskReceive(): never {
    return notUsedHere();
  }

  upsertAdministrativeUnit(): never {
    return notUsedHere();
  }

  listAdministrativeUnits(): never {
    return notUsedHere();
  }

  upsertAgency(): never {
    return notUsedHere();
  }

  listAgencies(): never {
    return notUsedHere();
  }

  upsertDesk(): never {
    return notUsedHere();
  }

  listDesks(): never {
    return notUsedHere();
  }

  getCalendar(): never {
    return notUsedHere();
  }

  updateCalendarSettings(): never {
    return notUsedHere();
  }

  upsertCalendarOverride(): never {
    return notUsedHere();
  }

  removeCalendarOverride(): never {
    return notUsedHere();
  }

  importCatalogue(): never {
    return notUsedHere();
  }

  searchProcedures(): never {
    return notUsedHere();
  }
}

function notUsedHere(): never {
  throw new Error('not used by this test');
}

/** A procedure whose name tells the test which context the server saw. */
function procedure(id: string): CatalogueV1.Procedure {
  const context = currentTenant();
  return {
    id,
    code: '1.001193',
    name: JSON.stringify({ tenantId: context.tenantId, traceId: context.traceId, actor: context.actor ?? null }),
    processingDays: 3,
    agencyId: '000.00.17.H33',
    components: [],
    version: 1,
    createdAt: '2026-11-26T03:00:00Z',
    versionId: id,
    effectiveFrom: '2026-11-26T03:00:00Z',
    effectiveTo: '',
    decision: null,
    endedBy: '',
    endDecision: null,
    publishedAt: '2026-11-26T03:00:00Z',
    publishedBy: 'test',
    definition: null,
  };
}

@Controller()
@TenantsV1.TenantServiceControllerMethods()
class TenantsTestController implements TenantsV1.TenantServiceController {
  onboardTenant(): TenantsV1.Tenant {
    throw new Error('not used');
  }

  @TenantFree()
  getTenant(request: TenantsV1.GetTenantRequest): TenantsV1.Tenant {
    return { id: request.id, officialCode: '33', name: 'Tỉnh Hưng Yên', status: tryCurrentTenant()?.tenantId ?? 'no-tenant', onboardedAt: '' };
  }

  listTenants(): TenantsV1.ListTenantsResponse {
    return { tenants: [], nextPageToken: '' };
  }

  listAuditEntries(): TenantsV1.ListAuditEntriesResponse {
    return { entries: [], nextPageToken: '' };
  }
}

/** Lists the services a server offers through gRPC server reflection, as grpcurl does. */
async function listServicesByReflection(url: string): Promise<string[]> {
  const reflectionProtoDir = join(dirname(require.resolve('@grpc/reflection')), '..', 'proto');
  const definition = loadSync('grpc/reflection/v1/reflection.proto', { includeDirs: [reflectionProtoDir], keepCase: true, defaults: true });
  type ReflectionResponse = { list_services_response?: { service: { name: string }[] } };
  type ReflectionClient = Client & {
    ServerReflectionInfo(options: { deadline: number }): ClientDuplexStream<unknown, ReflectionResponse>;
  };
  const grpcObject = loadPackageDefinition(definition) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: new (url: string, creds: ReturnType<typeof credentials.createInsecure>) => ReflectionClient } } };
  };
  const client = new grpcObject.grpc.reflection.v1.ServerReflection(url, credentials.createInsecure());
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const stream = client.ServerReflectionInfo({ deadline: Date.now() + 5000 });
      stream.on('data', (response: ReflectionResponse) => {
        resolve((response.list_services_response?.service ?? []).map((service) => service.name));
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ list_services: '' });
    });
  } finally {
    client.close();
  }
}

describe('gRPC between a client and a NestJS service (@motcua/rpc)', () => {
  let app: INestApplication;
  let health: GrpcHealth;
  let url: string;
  let evaluation: GrpcClient<EvaluationV1.EvaluationServiceClient>;
  let catalogue: GrpcClient<CatalogueV1.CatalogueServiceClient>;
  let tenants: GrpcClient<TenantsV1.TenantServiceClient>;
  const hungYen: TenantContext = {
    tenantId: 'hung-yen',
    traceId: '0123456789abcdef0123456789abcdef',
    actor: { subject: 'officer-7', roles: ['desk_officer'] },
  };

  beforeAll(async () => {
    url = `127.0.0.1:${await freePort()}`;
    const moduleRef = await Test.createTestingModule({
      controllers: [EvaluationTestController, CatalogueTestController, TenantsTestController],
    }).compile();
    app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
    ({ health } = connectGrpcMicroservice(app, {
      url,
      services: [GrpcServices.evaluation, GrpcServices.catalogue, GrpcServices.tenants],
    }));
    await app.startAllMicroservices();
    await app.init();
    evaluation = createGrpcClient(GrpcServices.evaluation, url);
    catalogue = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs: 3000 });
    tenants = createGrpcClient(GrpcServices.tenants, url);
  });

  afterAll(async () => {
    for (const client of [evaluation, catalogue, tenants]) client?.close();
    await app?.close();
  });

  it('carries the tenant from the client context into the handler context', async () => {
    const counters = await runInTenant(hungYen, () => evaluation.getDossierCounters({}));
    expect(counters).toEqual({ tenantId: 'hung-yen', submitted: '9007199254740993', updatedAt: '' });
  });

  it('carries trace and actor too, into an Observable handler, and keeps concurrent tenants apart', async () => {
    const ask = (tenantId: string, id: string) =>
      runInTenant({ ...hungYen, tenantId }, () => catalogue.getProcedure({ id }));
    const [a, b] = await Promise.all([ask('ha-noi', 'p-1'), ask('hue', 'p-2')]);
    expect(a.id).toBe('p-1');
    expect(JSON.parse(a.name)).toEqual({ tenantId: 'ha-noi', traceId: hungYen.traceId, actor: hungYen.actor });
    expect(JSON.parse(b.name)).toMatchObject({ tenantId: 'hue' });
  });

  it('refuses a call without a tenant with UNAUTHENTICATED', async () => {
    const failure = await evaluation.getDossierCounters({}).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(readRpcError(failure)).toMatchObject({ status: status.UNAUTHENTICATED, code: 'TENANT_REQUIRED', details: { metadataKey: 'x-tenant-id' } });
    expect(readRpcError(failure).message).toMatch(/x-tenant-id/);
  });

  it('refuses a malformed tenant with INVALID_ARGUMENT', async () => {
    const metadata = new Metadata();
    metadata.set('x-tenant-id', "x'; drop table");
    const failure = await evaluation.getDossierCounters({}, { metadata }).catch((error: unknown) => error);
    expect(readRpcError(failure)).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'TENANT_ID_INVALID' });
  });

  it('runs a @TenantFree() method without a tenant, and binds one when sent', async () => {
    await expect(tenants.getTenant({ id: 'hung-yen' })).resolves.toMatchObject({ id: 'hung-yen', status: 'no-tenant' });
    await expect(runInTenant(hungYen, () => tenants.getTenant({ id: 'hung-yen' }))).resolves.toMatchObject({ status: 'hung-yen' });
  });

  it('delivers a DomainError with its status, code and details', async () => {
    const failure = await runInTenant(hungYen, () => catalogue.getProcedure({ code: 'missing' })).catch((error: unknown) => error);
    expect(readRpcError(failure)).toEqual({
      status: status.NOT_FOUND,
      code: 'PROCEDURE_NOT_FOUND',
      category: 'not_found',
      details: { procedureCode: 'missing' },
      message: 'Procedure problem: PROCEDURE_NOT_FOUND',
    });
    expect(toProblemDetails(failure, '/v1/procedures/missing')).toMatchObject({
      type: 'urn:motcua:problem:procedure-not-found',
      status: 404,
      code: 'PROCEDURE_NOT_FOUND',
    });
  });

  it('lets the gateway answer 422 with field errors for a business-rule failure', async () => {
    const failure = await runInTenant(hungYen, () => catalogue.getProcedure({ code: 'incomplete' })).catch((error: unknown) => error);
    expect(readRpcError(failure).status).toBe(status.FAILED_PRECONDITION);
    expect(toProblemDetails(failure, '/v1/procedures')).toMatchObject({
      status: 422,
      errors: [{ field: 'components', message: 'Thiếu thành phần bắt buộc' }],
    });
  });

  it('answers INTERNAL without leaking an unexpected error', async () => {
    const failure = await runInTenant(hungYen, () =>
      catalogue.createProcedure({ code: 'x', name: 'x', processingDays: 1, agencyId: '000.00.17.H33', components: [] }),
    ).catch((error: unknown) => error);
    const info = readRpcError(failure);
    expect(info).toMatchObject({ status: status.INTERNAL, code: 'INTERNAL', message: 'Internal error' });
    expect(JSON.stringify(info)).not.toContain('hunter2');
  });

  it('applies deadlines: a slow handler gives DEADLINE_EXCEEDED when the deadline passes', async () => {
    const started = Date.now();
    const failure = await runInTenant(hungYen, () => catalogue.getProcedure({ code: 'slow' }, { deadlineMs: 200 })).catch(
      (error: unknown) => error,
    );
    expect(readRpcError(failure).status).toBe(status.DEADLINE_EXCEEDED);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('applies the client default deadline when the call sets none', async () => {
    const impatient = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs: 150 });
    try {
      const failure = await runInTenant(hungYen, () => impatient.getProcedure({ code: 'slow' })).catch((error: unknown) => error);
      expect(readRpcError(failure)).toMatchObject({ status: status.DEADLINE_EXCEEDED, code: 'DEADLINE_EXCEEDED' });
    } finally {
      impatient.close();
    }
  });

  it('carries messages above grpc-js default 4 MiB both ways, up to the configured limit', async () => {
    const id = 'x'.repeat(6 * 1024 * 1024);
    const answer = await runInTenant(hungYen, () => catalogue.getProcedure({ id }));
    expect(answer.id).toHaveLength(id.length);
  });

  it('refuses a message above the limit with RESOURCE_EXHAUSTED: at the client, and at the server', async () => {
    const id = 'x'.repeat(DEFAULT_MAX_MESSAGE_BYTES);
    const atClient = await runInTenant(hungYen, () => catalogue.getProcedure({ id })).catch((error: unknown) => error);
    expect(readRpcError(atClient).status).toBe(status.RESOURCE_EXHAUSTED);
    const generous = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs: 10_000, maxMessageBytes: 2 * DEFAULT_MAX_MESSAGE_BYTES });
    try {
      const atServer = await runInTenant(hungYen, () => generous.getProcedure({ id })).catch((error: unknown) => error);
      expect(readRpcError(atServer).status).toBe(status.RESOURCE_EXHAUSTED);
      // The server is unharmed: a normal call on the same channel still answers.
      await expect(runInTenant(hungYen, () => generous.getProcedure({ id: 'p-3' }))).resolves.toMatchObject({ id: 'p-3' });
    } finally {
      generous.close();
    }
  });

  it('answers grpc.health.v1 Check with SERVING, per service, and NOT_SERVING when told', async () => {
    await expect(checkGrpcHealth(url)).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(url, 'motcua.evaluation.v1.EvaluationService')).resolves.toBe('SERVING');
    await expect(checkGrpcHealth(url, 'motcua.intake.v1.IntakeService')).rejects.toMatchObject({ code: status.NOT_FOUND });
    health.setAll('NOT_SERVING');
    try {
      await expect(checkGrpcHealth(url)).resolves.toBe('NOT_SERVING');
      await expect(checkGrpcHealth(url, 'motcua.catalogue.v1.CatalogueService')).resolves.toBe('NOT_SERVING');
    } finally {
      health.setAll('SERVING');
    }
  });

  it('offers server reflection for the served services', async () => {
    await expect(listServicesByReflection(url)).resolves.toEqual(
      expect.arrayContaining([
        'motcua.evaluation.v1.EvaluationService',
        'motcua.catalogue.v1.CatalogueService',
        'motcua.tenants.v1.TenantService',
      ]),
    );
  });
});
