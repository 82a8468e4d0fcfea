import { createPrivateKey, createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuthError } from '@motcua/auth';
import { OutboxWriter } from '@motcua/messaging';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { Actor, runInTenant } from '@motcua/tenancy';
import { createTestDatabase, TestDatabase } from '@motcua/testing';
import { generateSigningKeyPair, sha256Hex, signedStatement, signStatement } from '../../domain/result-signature';
import { ResultError, ResultErrorCode } from '../../domain/result.errors';
import { ResultRepository } from '../../persistence/result.repository';
import { GetResultDocumentHandler } from '../get-result-document/get-result-document.handler';
import { GetSigningKeyHandler } from '../get-signing-key/get-signing-key.handler';
import { SigningKeys } from '../signing-keys';
import { VerifyResultHandler } from '../verify-result/verify-result.handler';
import { ResultFacts } from './result-facts';
import { ResultIssuer } from './result-issuer';

jest.setTimeout(60_000);

const AGENCY = '000.00.01.H33';
const leader: Actor = { subject: 'hy-leader-0001', roles: ['leader'], agencyId: AGENCY };
const otherAgencyLeader: Actor = { subject: 'hy-leader-0002', roles: ['leader'], agencyId: '000.00.02.H33' };
const citizen: Actor = { subject: 'citizen-an', roles: ['citizen'] };

const facts = (extra: Partial<ResultFacts> = {}): ResultFacts => ({
  dossierId: randomUUID(),
  dossierCode: `${AGENCY}-261201-${String(Math.floor(Math.random() * 9999)).padStart(4, '0')}`,
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  decision: 'approved',
  reasons: [],
  agencyId: AGENCY,
  decidedBy: leader.subject,
  decidedAt: new Date('2026-12-01T03:00:00Z'),
  documentType: 'giay-khai-sinh',
  resultName: 'Giấy khai sinh',
  ...extra,
});

describe('ResultIssuer and VerifyResult against PostgreSQL (as the processing app role, forced RLS)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let owner: Client;
  let runner: TenantTransactionRunner;
  let issuer: ResultIssuer;
  let verifier: VerifyResultHandler;
  let documents: GetResultDocumentHandler;
  let keys: GetSigningKeyHandler;

  const as = <T>(tenantId: string, actor: Actor | undefined, work: () => Promise<T>) =>
    runInTenant({ tenantId, traceId: randomBytes(16).toString('hex'), actor }, work);
  const issue = (tenantId: string, input: ResultFacts) => as(tenantId, leader, () => runner.run((manager) => issuer.issue(manager, input)));
  const pdfOf = async (tenantId: string, resultId: string) => (await as(tenantId, leader, () => documents.execute({ resultId, format: 'pdf' }))).content;

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    dataSource = createServiceDataSource({ service: 'processing', url: database.urlAs(serviceDatabaseNames('processing').appRole), entities: [], poolSize: 4 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
    const repository = new ResultRepository();
    issuer = new ResultIssuer(repository, new SigningKeys(repository, Buffer.alloc(32, 3)), new OutboxWriter('processing'));
    verifier = new VerifyResultHandler(runner, repository);
    documents = new GetResultDocumentHandler(runner, repository);
    keys = new GetSigningKeyHandler(runner, repository);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await owner?.end();
    await database?.drop();
  });

  it('issues a signed result that verifies, with its non-personal facts, and appends dossier.result-issued', async () => {
    const input = facts();
    const issued = await issue('hung-yen', input);
    const pdf = await pdfOf('hung-yen', issued.resultId);
    expect(sha256Hex(pdf)).toBe(issued.sha256);

    const answer = await as('hung-yen', undefined, () => verifier.execute({ document: pdf }));
    expect(answer).toEqual({
      valid: true,
      result: expect.objectContaining({
        resultId: issued.resultId,
        dossierCode: input.dossierCode,
        procedureCode: '1.001193',
        decision: 'approved',
        agencyId: AGENCY,
        issuedAt: input.decidedAt,
        keyId: issued.keyId,
        signature: issued.signature,
        algorithm: 'Ed25519',
      }),
    });
    expect(await as('hung-yen', undefined, () => verifier.execute({ document: pdf, resultId: issued.resultId }))).toMatchObject({ valid: true });

    const events = await owner.query(`SELECT type, data FROM processing.outbox WHERE tenant_id = 'hung-yen' AND type = 'dossier.result-issued'`);
    expect(events.rows.map((row) => row.data)).toContainEqual({
      dossierId: input.dossierId,
      resultId: issued.resultId,
      decision: 'approved',
      documentType: 'giay-khai-sinh',
      sha256: issued.sha256,
      keyId: issued.keyId,
      issuedAt: '2026-12-01T03:00:00.000Z',
      agencyId: AGENCY,
    });
  });

  it('lets a third party verify offline with the public JWK and the signed statement', async () => {
    const issued = await issue('hung-yen', facts());
    const key = await as('hung-yen', undefined, () => keys.execute({ keyId: issued.keyId }));
    const publicKey = createPublicKey({ key: key.jwk, format: 'jwk' });
    const pdf = await pdfOf('hung-yen', issued.resultId);
    const statement = signedStatement({ tenantId: 'hung-yen', resultId: issued.resultId, keyId: issued.keyId, sha256: sha256Hex(pdf) });
    expect(verify(null, statement, publicKey, Buffer.from(issued.signature, 'base64url'))).toBe(true);
    await expect(as('hung-yen', undefined, () => keys.execute({ keyId: randomUUID() }))).rejects.toMatchObject({ code: ResultErrorCode.SigningKeyNotFound });
  });

  it('finds one altered byte: altered by result id, unknown by hash', async () => {
    const issued = await issue('hung-yen', facts({ decision: 'refused', reasons: ['Thiếu giấy chứng sinh'], documentType: 'thong-bao-tu-choi', resultName: 'Thông báo từ chối' }));
    const altered = Buffer.from(await pdfOf('hung-yen', issued.resultId));
    altered[Math.floor(altered.length / 3)] ^= 0x20;
    expect(await as('hung-yen', undefined, () => verifier.execute({ document: altered, resultId: issued.resultId }))).toEqual({ valid: false, reason: 'altered' });
    expect(await as('hung-yen', undefined, () => verifier.execute({ document: altered }))).toEqual({ valid: false, reason: 'unknown_document' });
  });

  it('refuses a stored signature made with a forged key (the row tampered with)', async () => {
    const issued = await issue('hung-yen', facts());
    const pdf = await pdfOf('hung-yen', issued.resultId);
    const forger = generateSigningKeyPair();
    const forged = signStatement(createPrivateKey({ key: forger.privateKey, format: 'der', type: 'pkcs8' }), {
      tenantId: 'hung-yen',
      resultId: issued.resultId,
      keyId: issued.keyId,
      sha256: issued.sha256,
    });
    await owner.query(`UPDATE processing.results SET signature = $1 WHERE tenant_id = 'hung-yen' AND id = $2`, [forged, issued.resultId]);
    expect(await as('hung-yen', undefined, () => verifier.execute({ document: pdf }))).toEqual({ valid: false, reason: 'bad_signature' });
  });

  it("does not verify another tenant's document, and keeps each tenant's keys apart", async () => {
    const theirs = await issue('thai-nguyen', facts());
    const ours = await issue('hung-yen', facts());
    const pdf = await pdfOf('thai-nguyen', theirs.resultId);
    expect(await as('thai-nguyen', undefined, () => verifier.execute({ document: pdf }))).toMatchObject({ valid: true });
    expect(await as('hung-yen', undefined, () => verifier.execute({ document: pdf }))).toEqual({ valid: false, reason: 'unknown_document' });
    expect(await as('hung-yen', undefined, () => verifier.execute({ document: pdf, resultId: theirs.resultId }))).toEqual({ valid: false, reason: 'unknown_document' });
    expect(theirs.keyId).not.toBe(ours.keyId);
    await expect(as('hung-yen', undefined, () => keys.execute({ keyId: theirs.keyId }))).rejects.toMatchObject({ code: ResultErrorCode.SigningKeyNotFound });
  });

  it('creates one key when two first results of a tenant are issued at once', async () => {
    const both = await Promise.all([issue('bac-ninh', facts()), issue('bac-ninh', facts())]);
    expect(both[0].keyId).toBe(both[1].keyId);
    const count = await owner.query(`SELECT count(*)::int AS n FROM processing.signing_keys WHERE tenant_id = 'bac-ninh'`);
    expect(count.rows[0].n).toBe(1);
  });

  it('keeps the private key sealed at rest', async () => {
    await issue('hung-yen', facts());
    const row = await owner.query(`SELECT public_key, sealed_private_key FROM processing.signing_keys WHERE tenant_id = 'hung-yen'`);
    expect(row.rows).toHaveLength(1);
    expect(() => createPrivateKey({ key: row.rows[0].sealed_private_key, format: 'der', type: 'pkcs8' })).toThrow();
  });

  it('refuses a second result for the same dossier and invalid facts, writing nothing', async () => {
    const input = facts();
    await issue('hung-yen', input);
    await expect(issue('hung-yen', { ...input })).rejects.toMatchObject({ code: ResultErrorCode.AlreadyIssued });
    await expect(issue('hung-yen', facts({ decision: 'refused', reasons: [] }))).rejects.toBeInstanceOf(ResultError);
    await expect(issue('hung-yen', facts({ dossierId: 'not-a-uuid' }))).rejects.toMatchObject({ code: ResultErrorCode.InvalidRequest });
  });

  it('keeps results immutable: the app role can neither update nor delete them', async () => {
    const issued = await issue('hung-yen', facts());
    const app = new Client({ connectionString: database.urlAs(serviceDatabaseNames('processing').appRole) });
    await app.connect();
    try {
      await app.query(`SELECT set_config('app.tenant_id', 'hung-yen', false)`);
      await expect(app.query(`UPDATE processing.results SET decision = 'refused' WHERE id = $1`, [issued.resultId])).rejects.toMatchObject({ code: '42501' });
      await expect(app.query(`DELETE FROM processing.results WHERE id = $1`, [issued.resultId])).rejects.toMatchObject({ code: '42501' });
      await expect(app.query(`DELETE FROM processing.signing_keys WHERE id = $1`, [issued.keyId])).rejects.toMatchObject({ code: '42501' });
      const visible = await app.query(`SELECT count(*)::int AS n FROM processing.results WHERE tenant_id <> 'hung-yen'`);
      expect(visible.rows[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('gives the document to staff of the issuing agency only, as PDF or HTML', async () => {
    const issued = await issue('hung-yen', facts());
    const html = await as('hung-yen', leader, () => documents.execute({ resultId: issued.resultId, format: 'html' }));
    expect(html.contentType).toBe('text/html; charset=utf-8');
    expect(html.content.toString('utf8')).toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    await expect(as('hung-yen', otherAgencyLeader, () => documents.execute({ resultId: issued.resultId }))).rejects.toBeInstanceOf(AuthError);
    await expect(as('hung-yen', citizen, () => documents.execute({ resultId: issued.resultId }))).rejects.toBeInstanceOf(AuthError);
    await expect(as('hung-yen', undefined, () => documents.execute({ resultId: issued.resultId }))).rejects.toBeInstanceOf(AuthError);
    await expect(as('hung-yen', leader, () => documents.execute({ resultId: randomUUID() }))).rejects.toMatchObject({ code: ResultErrorCode.ResultNotFound });
    await expect(as('hung-yen', leader, () => documents.execute({ resultId: issued.resultId, format: 'docx' }))).rejects.toMatchObject({ code: ResultErrorCode.InvalidRequest });
  });

  it('refuses an empty document to verify', async () => {
    await expect(as('hung-yen', undefined, () => verifier.execute({ document: Buffer.alloc(0) }))).rejects.toMatchObject({ code: ResultErrorCode.InvalidRequest });
  });
});
