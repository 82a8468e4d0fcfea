import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Metadata, Server, ServerCredentials, ServerUnaryCall, sendUnaryData, status as GrpcStatus, UntypedServiceImplementation } from '@grpc/grpc-js';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { GrpcServices, ProcessingResultsV1 } from '@motcua/contracts';
import { Inbox } from '@motcua/messaging';
import { createServiceDataSource, serviceDatabaseNames, TenantTransactionRunner } from '@motcua/persistence';
import { loadServiceClientConstructor } from '@motcua/rpc';
import { Actor, CarrierKeys, runInTenant } from '@motcua/tenancy';
import { createTestDatabase, freePort, TestDatabase } from '@motcua/testing';
import { GrpcProcessingResults } from '../../adapters/processing-results.grpc';
import { LocalDocumentStorage } from '../../adapters/local-document-storage';
import { DocumentErrorCode } from '../../domain/document.errors';
import { DocumentEntity } from '../../persistence/document.entity';
import { DocumentRepository } from '../../persistence/document.repository';
import { ListWalletDocumentsHandler } from '../list-wallet-documents/list-wallet-documents.handler';
import { FileResultInWalletHandler, IssuedResult } from './file-result-in-wallet.handler';

jest.setTimeout(60_000);

const TENANT = 'hung-yen';
const AGENCY = '000.00.17.H33';
const citizen: Actor = { subject: 'citizen-an-0001', roles: ['citizen'] };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdfFor = (resultId: string) => Buffer.from(`%PDF-1.4\n% result ${resultId}\n%%EOF\n`, 'latin1');

/**
 * Processing's ResultService as intake reaches it: a real gRPC server on a free port, loaded
 * from the contract, serving the signed PDFs it was given. Records each call's metadata.
 */
async function startResultService(results: Map<string, ProcessingResultsV1.ResultForFiling>) {
  const calls: Metadata[] = [];
  const server = new Server();
  const unimplemented = (_call: unknown, callback: sendUnaryData<unknown>) => callback({ code: GrpcStatus.UNIMPLEMENTED, details: 'not in this test' });
  const implementation: UntypedServiceImplementation = {
    VerifyResult: unimplemented,
    GetResultDocument: unimplemented,
    GetSigningKey: unimplemented,
    GetResultForFiling: (call: ServerUnaryCall<ProcessingResultsV1.GetResultForFilingRequest, unknown>, callback: sendUnaryData<unknown>) => {
      calls.push(call.metadata);
      const found = results.get(call.request.resultId);
      if (!found) callback({ code: GrpcStatus.NOT_FOUND, details: 'No such result' });
      else callback(null, found);
    },
  };
  server.addService(loadServiceClientConstructor(GrpcServices.processingResults).service, implementation);
  const port = await freePort();
  await new Promise<void>((resolve, reject) => server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error) => (error ? reject(error) : resolve())));
  return { url: `127.0.0.1:${port}`, calls, stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())) };
}

describe('FileResultInWalletHandler (PostgreSQL as the intake app role, processing over gRPC, local storage)', () => {
  let database: TestDatabase;
  let owner: Client;
  let dataSource: DataSource;
  let runner: TenantTransactionRunner;
  let root: string;
  let storage: LocalDocumentStorage;
  let processing: Awaited<ReturnType<typeof startResultService>>;
  let adapter: GrpcProcessingResults;
  let handler: FileResultInWalletHandler;
  let wallet: ListWalletDocumentsHandler;
  const served = new Map<string, ProcessingResultsV1.ResultForFiling>();
  const repository = new DocumentRepository();

  const inTenant = <T>(work: () => Promise<T>, actor?: Actor, tenantId = TENANT) => runInTenant({ tenantId, traceId: randomBytes(16).toString('hex'), actor }, work);
  const walletOf = (actor: Actor, tenantId = TENANT) => inTenant(() => wallet.execute(undefined, null), actor, tenantId);
  const documentRows = async () => (await owner.query<{ id: string; storage_key: string }>('SELECT id, storage_key FROM intake.documents ORDER BY id')).rows;
  /** Files in the storage: every one has its row (nothing is left behind by a failed filing). */
  const storedFiles = () => (existsSync(join(root, TENANT)) ? readdirSync(join(root, TENANT)).length : 0);

  /** A dossier of intake: `submitted_by` is the owner (a citizen's subject, or `desk:<officer>` at a desk). */
  async function dossier(submittedBy: string, code: string | null): Promise<string> {
    const id = randomUUID();
    await owner.query(
      `INSERT INTO intake.dossiers (tenant_id, id, procedure_id, procedure_code, agency_id, submitted_by, status, channel, applicant_pseudonym, components, submitted_at, updated_at, code)
       VALUES ($1, $2, $3, '1.013837', $4, $5, 'processed', 'online', $6, '[]', now(), now(), $7)`,
      [TENANT, id, randomUUID(), AGENCY, submittedBy, 'a'.repeat(64), code],
    );
    return id;
  }

  /** A result processing issued for the dossier (served over gRPC) and its event's data. */
  function issued(dossierId: string, extra: Partial<IssuedResult> = {}): IssuedResult {
    const resultId = randomUUID();
    const pdf = pdfFor(resultId);
    const event: IssuedResult = {
      dossierId,
      resultId,
      decision: 'approved',
      documentType: 'giay_dang_ky_hoat_dong',
      sha256: sha256(pdf),
      keyId: randomUUID(),
      issuedAt: '2026-12-01T03:00:00.000Z',
      agencyId: AGENCY,
      ...extra,
    };
    served.set(resultId, { resultId, dossierId, decision: event.decision, documentType: event.documentType, content: pdf, sha256: sha256(pdf) });
    return event;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    dataSource = createServiceDataSource({ service: 'intake', url: database.urlAs(serviceDatabaseNames('intake').appRole), entities: [DocumentEntity], poolSize: 3 });
    await dataSource.initialize();
    runner = new TenantTransactionRunner(dataSource);
    root = mkdtempSync(join(tmpdir(), 'motcua-filing-'));
    storage = new LocalDocumentStorage(root);
    processing = await startResultService(served);
    adapter = new GrpcProcessingResults(processing.url, 2_000);
    handler = new FileResultInWalletHandler(runner, repository, storage, adapter, new Inbox('intake'));
    wallet = new ListWalletDocumentsHandler(runner, repository);
  });

  afterAll(async () => {
    adapter?.onApplicationShutdown();
    await processing?.stop();
    await dataSource?.destroy();
    await owner?.end();
    await database?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("files an approved result in the applicant's wallet once, with the issued bytes, and asks processing without an actor", async () => {
    const dossierId = await dossier(citizen.subject, 'H33.17-261201-0007');
    const event = issued(dossierId);
    const eventId = randomUUID();

    const outcome = await inTenant(() => handler.execute(eventId, event));
    expect(outcome.filed).toBe(true);
    const [document] = await walletOf(citizen);
    expect(document).toMatchObject({
      ownerSubject: citizen.subject,
      walletSource: 'result',
      documentType: 'giay_dang_ky_hoat_dong',
      contentType: 'application/pdf',
      fileName: 'giay_dang_ky_hoat_dong-H33.17-261201-0007.pdf',
      sha256: event.sha256,
    });
    expect(await storage.get(document.storageKey)).toEqual(served.get(event.resultId)?.content);
    // The wallet lists it by the catalogue's document type.
    expect(await inTenant(() => wallet.execute('giay_dang_ky_hoat_dong', null), citizen)).toHaveLength(1);

    const call = processing.calls[processing.calls.length - 1];
    expect(call.get(CarrierKeys.tenant)).toEqual([TENANT]);
    expect(call.get(CarrierKeys.actor)).toEqual([]);

    // Redelivered: nothing more, not even a second fetch.
    const callsBefore = processing.calls.length;
    expect(await inTenant(() => handler.execute(eventId, event))).toEqual({ filed: false, reason: 'already_processed' });
    expect(processing.calls.length).toBe(callsBefore);
    expect(await walletOf(citizen)).toHaveLength(1);
    // Another province sees none of it.
    expect(await walletOf(citizen, 'thai-nguyen')).toEqual([]);
  });

  it('files no refusal letter and nothing for a desk dossier without an applicant subject, and says which', async () => {
    const rowsBefore = (await documentRows()).length;
    const refused = issued(await dossier('citizen-binh-0002', 'H33.17-261201-0008'), { decision: 'refused', documentType: 'van_ban_tu_choi' });
    const atDesk = issued(await dossier('desk:hy-desk-0001', 'H33.17-261201-0009'));
    const callsBefore = processing.calls.length;
    expect(await inTenant(() => handler.execute(randomUUID(), refused))).toEqual({ filed: false, reason: 'refused' });
    expect(await inTenant(() => handler.execute(randomUUID(), atDesk))).toEqual({ filed: false, reason: 'no_applicant' });
    expect(processing.calls.length).toBe(callsBefore);
    expect((await documentRows()).length).toBe(rowsBefore);
    expect(await walletOf({ subject: 'citizen-binh-0002', roles: ['citizen'] })).toEqual([]);
  });

  it('refuses bytes whose SHA-256 is not the event’s, leaves nothing behind, and files them once they match', async () => {
    const dossierId = await dossier('citizen-chi-0003', null);
    const event = issued(dossierId);
    const genuine = served.get(event.resultId) as ProcessingResultsV1.ResultForFiling;
    served.set(event.resultId, { ...genuine, content: Buffer.concat([Buffer.from(genuine.content), Buffer.from('tampered')]) });
    const eventId = randomUUID();
    const rowsBefore = await documentRows();

    await expect(inTenant(() => handler.execute(eventId, event))).rejects.toMatchObject({ code: DocumentErrorCode.ResultMismatch });
    expect(await documentRows()).toEqual(rowsBefore);
    expect(storedFiles()).toBe(rowsBefore.length);

    // The consumer retries: the inbox claim was rolled back, so the same event files the right bytes.
    served.set(event.resultId, genuine);
    const outcome = await inTenant(() => handler.execute(eventId, event));
    expect(outcome).toMatchObject({ filed: true, document: { fileName: `giay_dang_ky_hoat_dong-${dossierId}.pdf`, sha256: event.sha256 } });
  });

  it('fails within the deadline when processing does not answer, and keeps nothing', async () => {
    const silent = new GrpcProcessingResults(`127.0.0.1:${await freePort()}`, 300);
    const failing = new FileResultInWalletHandler(runner, repository, storage, silent, new Inbox('intake'));
    const event = issued(await dossier('citizen-dung-0004', 'H33.17-261201-0010'));
    const rowsBefore = await documentRows();
    const started = Date.now();
    try {
      await expect(inTenant(() => failing.execute(randomUUID(), event))).rejects.toMatchObject({ code: expect.any(Number) });
    } finally {
      silent.onApplicationShutdown();
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await documentRows()).toEqual(rowsBefore);
    expect(storedFiles()).toBe(rowsBefore.length);
  });
});
