import { createPrivateKey, createPublicKey, randomUUID, verify } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@motcua/messaging';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';
import { ResultFacts } from '../../processing/src/result/application/issue-result/result-facts';
import { ResultIssuer } from '../../processing/src/result/application/issue-result/result-issuer';
import { SigningKeys } from '../../processing/src/result/application/signing-keys';
import { renderResultPdf } from '../../processing/src/result/domain/result-document';
import { generateSigningKeyPair, keyEncryptionKey, sha256Hex, signedStatement, signStatement } from '../../processing/src/result/domain/result-signature';
import { ResultRepository } from '../../processing/src/result/persistence/result.repository';
import { DEV_ONLY_SIGNING_KEY_ENCRYPTION_KEY } from '../../processing/src/result/signing-key.config';

jest.setTimeout(90_000);

const AGENCY = '000.00.17.H33';
const LEADER = 'hy-8e1d6f3b-lead-0003';

/**
 * Results through the gateway: a leader's decision is issued by processing's ResultIssuer
 * (called here in the test process on the platform's database, as the approve/refuse
 * handler calls it inside its own transaction), then verified by anyone over HTTP.
 */
describe('result documents: public verification through the gateway', () => {
  let platform: Platform;
  let api: ReturnType<typeof request>;
  let dataSource: DataSource;
  let owner: Client;
  let issuer: ResultIssuer;
  const bearer = async (username: string) => `Bearer ${await platform.identity.tokenFor(username)}`;

  const issue = (tenantId: string, extra: Partial<ResultFacts> = {}) =>
    runInTenant({ tenantId, traceId: newTraceId(), actor: { subject: LEADER, roles: ['leader'], agencyId: AGENCY } satisfies Actor }, () =>
      new TenantTransactionRunner(dataSource).run((manager) =>
        issuer.issue(manager, {
          dossierId: randomUUID(),
          dossierCode: `${AGENCY}-261201-${String(Math.floor(Math.random() * 9999)).padStart(4, '0')}`,
          procedureCode: '1.001193',
          procedureName: 'Đăng ký khai sinh',
          decision: 'approved',
          reasons: [],
          agencyId: AGENCY,
          decidedBy: LEADER,
          decidedAt: new Date('2026-12-01T03:00:00Z'),
          documentType: 'giay-khai-sinh',
          resultName: 'Giấy khai sinh',
          ...extra,
        }),
      ),
    );
  const download = async (resultId: string, accept = 'application/pdf') =>
    api
      .get(`/v1/results/${resultId}`)
      .set('Authorization', await bearer('hy.leader'))
      .set('X-Tenant-Id', 'hung-yen')
      .set('Accept', accept)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const verifyAs = (tenantId: string, document: Buffer, resultId?: string) =>
    api.post('/v1/results/verify').set('X-Tenant-Id', tenantId).send({ document: document.toString('base64'), ...(resultId ? { resultId } : {}) });

  beforeAll(async () => {
    platform = await startPlatform();
    api = request(platform.gatewayUrl);
    owner = new Client({ connectionString: platform.database.ownerUrl });
    await owner.connect();
    dataSource = createServiceDataSource({ service: 'processing', url: platform.database.urlAs(serviceDatabaseNames('processing').appRole), entities: [], poolSize: 2 });
    await dataSource.initialize();
    const repository = new ResultRepository();
    // The processing service's own (development) key-encryption key: the platform runs without NODE_ENV=production.
    issuer = new ResultIssuer(repository, new SigningKeys(repository, keyEncryptionKey(DEV_ONLY_SIGNING_KEY_ENCRYPTION_KEY)), new OutboxWriter('processing'));
    for (const [id, officialCode, name] of [
      ['hung-yen', '33', 'Hưng Yên'],
      ['thai-nguyen', '19', 'Thái Nguyên'],
    ]) {
      const onboarded = await api.post('/v1/tenants').set('Authorization', await bearer('national.admin')).send({ id, officialCode, name });
      expect(onboarded.status).toBe(201);
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await owner?.end();
    await platform?.stop();
  });

  it('verifies a genuine document for anyone, with its non-personal facts, and serves the key to check it offline', async () => {
    const issued = await issue('hung-yen');
    const pdf = await download(issued.resultId);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-result-sha256']).toBe(issued.sha256);
    expect(sha256Hex(pdf.body)).toBe(issued.sha256);

    const verdict = await verifyAs('hung-yen', pdf.body);
    expect(verdict.status).toBe(200);
    expect(verdict.body).toEqual({
      valid: true,
      reason: null,
      result: expect.objectContaining({ resultId: issued.resultId, procedureCode: '1.001193', decision: 'approved', agencyId: AGENCY, issuedAt: '2026-12-01T03:00:00.000Z', keyId: issued.keyId }),
    });
    expect(JSON.stringify(verdict.body)).not.toContain(LEADER);

    const key = await api.get(`/v1/results/keys/${issued.keyId}`).set('X-Tenant-Id', 'hung-yen');
    expect(key.status).toBe(200);
    expect(key.body.jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: issued.keyId });
    const statement = signedStatement({ tenantId: 'hung-yen', resultId: issued.resultId, keyId: issued.keyId, sha256: sha256Hex(pdf.body) });
    expect(verify(null, statement, createPublicKey({ key: key.body.jwk, format: 'jwk' }), Buffer.from(issued.signature, 'base64url'))).toBe(true);

    const html = await download(issued.resultId, 'text/html');
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body.toString('utf8')).toContain('KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
  });

  it('fails a document with one altered byte', async () => {
    const issued = await issue('hung-yen');
    const altered = Buffer.from((await download(issued.resultId)).body);
    altered[Math.floor(altered.length / 2)] ^= 0x01;
    expect((await verifyAs('hung-yen', altered, issued.resultId)).body).toEqual({ valid: false, reason: 'altered', result: null });
    expect((await verifyAs('hung-yen', altered)).body).toEqual({ valid: false, reason: 'unknown_document', result: null });
  });

  it('fails a document signed with a forged key, whether submitted as is or planted in the database', async () => {
    const issued = await issue('hung-yen');
    const forger = generateSigningKeyPair();
    const forgerKey = createPrivateKey({ key: forger.privateKey, format: 'der', type: 'pkcs8' });
    // A look-alike document the forger made and signed: the province never issued it.
    const lookAlike = renderResultPdf({
      resultId: randomUUID(),
      tenantId: 'hung-yen',
      dossierCode: `${AGENCY}-261201-9999`,
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      decision: 'approved',
      reasons: [],
      agencyId: AGENCY,
      signerSubject: LEADER,
      issuedAt: new Date('2026-12-01T03:00:00Z'),
      documentType: 'giay-khai-sinh',
      resultName: 'Giấy khai sinh',
      keyId: issued.keyId,
    });
    expect((await verifyAs('hung-yen', lookAlike)).body).toMatchObject({ valid: false, reason: 'unknown_document' });
    // The forger's signature written over the stored one: the province's key does not verify it.
    const forged = signStatement(forgerKey, { tenantId: 'hung-yen', resultId: issued.resultId, keyId: issued.keyId, sha256: issued.sha256 });
    await owner.query(`UPDATE processing.results SET signature = $1 WHERE tenant_id = 'hung-yen' AND id = $2`, [forged, issued.resultId]);
    const pdf = (await download(issued.resultId)).body;
    expect((await verifyAs('hung-yen', pdf)).body).toEqual({ valid: false, reason: 'bad_signature', result: null });
  });

  it('fails an unknown document', async () => {
    const unknown = Buffer.from('%PDF-1.4\n% not a result of this province\n%%EOF\n', 'latin1');
    expect((await verifyAs('hung-yen', unknown)).body).toEqual({ valid: false, reason: 'unknown_document', result: null });
    expect((await verifyAs('hung-yen', unknown, randomUUID())).body).toEqual({ valid: false, reason: 'unknown_document', result: null });
  });

  it("does not verify another province's document under this province", async () => {
    const theirs = await issue('thai-nguyen', { agencyId: '000.00.17.H19' });
    const pdf = (await owner.query(`SELECT pdf FROM processing.results WHERE tenant_id = 'thai-nguyen' AND id = $1`, [theirs.resultId])).rows[0].pdf as Buffer;
    expect((await verifyAs('thai-nguyen', pdf)).body).toMatchObject({ valid: true });
    expect((await verifyAs('hung-yen', pdf)).body).toEqual({ valid: false, reason: 'unknown_document', result: null });
    expect((await verifyAs('hung-yen', pdf, theirs.resultId)).body).toEqual({ valid: false, reason: 'unknown_document', result: null });
    expect((await api.get(`/v1/results/keys/${theirs.keyId}`).set('X-Tenant-Id', 'hung-yen')).status).toBe(404);
  });

  it('refuses bad input and keeps downloads to signed-in staff of the agency', async () => {
    const bad = await api.post('/v1/results/verify').set('X-Tenant-Id', 'hung-yen').send({ document: 'not base64!' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const badId = await api.post('/v1/results/verify').set('X-Tenant-Id', 'hung-yen').send({ document: 'JVBERi0=', resultId: 'x' });
    expect(badId.status).toBe(400);
    const issued = await issue('hung-yen');
    expect((await api.get(`/v1/results/${issued.resultId}`).set('X-Tenant-Id', 'hung-yen')).status).toBe(401);
    const citizen = await api.get(`/v1/results/${issued.resultId}`).set('Authorization', await bearer('citizen.an')).set('X-Tenant-Id', 'hung-yen');
    expect(citizen.status).toBe(403);
    const missing = await api.get(`/v1/results/${randomUUID()}`).set('Authorization', await bearer('hy.leader')).set('X-Tenant-Id', 'hung-yen');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('RESULT_NOT_FOUND');
  });
});
