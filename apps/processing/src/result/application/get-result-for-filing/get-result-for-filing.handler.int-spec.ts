import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthError } from '@motcua/auth';
import { OutboxWriter } from '@motcua/messaging';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { Actor, runInTenant } from '@motcua/tenancy';
import { createTestDatabase, TestDatabase } from '@motcua/testing';
import { sha256Hex } from '../../domain/result-signature';
import { ResultErrorCode } from '../../domain/result.errors';
import { ResultRepository } from '../../persistence/result.repository';
import { ResultIssuer } from '../issue-result/result-issuer';
import { SigningKeys } from '../signing-keys';
import { VerifyResultHandler } from '../verify-result/verify-result.handler';
import { GetResultForFilingHandler } from './get-result-for-filing.handler';

jest.setTimeout(60_000);

const AGENCY = '000.00.17.H33';
const leader: Actor = { subject: 'hy-leader-0001', roles: ['leader'], agencyId: AGENCY };

describe('GetResultForFiling against PostgreSQL (as the processing app role)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let runner: TenantTransactionRunner;
  let issuer: ResultIssuer;
  let filing: GetResultForFilingHandler;
  let verifier: VerifyResultHandler;

  const as = <T>(tenantId: string, actor: Actor | undefined, work: () => Promise<T>) =>
    runInTenant({ tenantId, traceId: randomBytes(16).toString('hex'), actor }, work);

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = createServiceDataSource({ service: 'processing', url: database.urlAs(serviceDatabaseNames('processing').appRole), entities: [], poolSize: 2 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
    const repository = new ResultRepository();
    issuer = new ResultIssuer(repository, new SigningKeys(repository, Buffer.alloc(32, 5)), new OutboxWriter('processing'));
    filing = new GetResultForFilingHandler(runner, repository);
    verifier = new VerifyResultHandler(runner, repository);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const issue = (dossierId: string) =>
    as('hung-yen', leader, () =>
      runner.run((manager) =>
        issuer.issue(manager, {
          dossierId,
          dossierCode: 'H33.17-261201-0001',
          procedureCode: '1.013837',
          procedureName: 'Cấp lại Giấy đăng ký hoạt động cho Văn phòng công chứng',
          decision: 'approved',
          reasons: [],
          agencyId: AGENCY,
          decidedBy: leader.subject,
          decidedAt: new Date('2026-12-01T03:00:00Z'),
          documentType: 'ket_qua_thu_tuc',
          resultName: 'Giấy đăng ký hoạt động',
        }),
      ),
    );

  it('gives a service acting on an event (no actor) the issued, verifiable PDF and its hash', async () => {
    const dossierId = randomUUID();
    const issued = await issue(dossierId);
    const result = await as('hung-yen', undefined, () => filing.execute({ resultId: issued.resultId }));
    expect(result).toMatchObject({ resultId: issued.resultId, dossierId, decision: 'approved', documentType: 'ket_qua_thu_tuc', sha256: issued.sha256 });
    expect(sha256Hex(result.content)).toBe(issued.sha256);
    expect(await as('hung-yen', undefined, () => verifier.execute({ document: result.content }))).toMatchObject({ valid: true });
  });

  it('refuses every signed-in caller, even staff of the issuing agency, before reading anything', async () => {
    const issued = await issue(randomUUID());
    for (const actor of [leader, { subject: 'citizen-an', roles: ['citizen'] }]) {
      await expect(as('hung-yen', actor, () => filing.execute({ resultId: issued.resultId }))).rejects.toBeInstanceOf(AuthError);
    }
  });

  it("knows no other province's result and refuses a malformed id", async () => {
    const issued = await issue(randomUUID());
    await expect(as('thai-nguyen', undefined, () => filing.execute({ resultId: issued.resultId }))).rejects.toMatchObject({ code: ResultErrorCode.ResultNotFound });
    await expect(as('hung-yen', undefined, () => filing.execute({ resultId: 'nope' }))).rejects.toMatchObject({ code: ResultErrorCode.InvalidRequest });
  });
});
