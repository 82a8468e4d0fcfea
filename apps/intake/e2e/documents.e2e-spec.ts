import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { Client } from 'pg';
import { GrpcServices, IntakeDocumentsV1 } from '@motcua/contracts';
import { createGrpcClient, GrpcClient, readRpcError, RpcErrorInfo } from '@motcua/rpc';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { extractText, parsePdf } from '@motcua/printing';
import { Platform, startPlatform } from '../../../tools/testing/platform-harness';

jest.setTimeout(120_000);

/**
 * Files, the document wallet and the receipt through intake's DocumentService over gRPC, the
 * way the gateway will call it: the whole platform (forced row-level security, outbox relay).
 */

const HY = 'hung-yen';
const STORAGE = join(tmpdir(), 'motcua-documents', HY);
const citizen: Actor = { subject: `citizen-${randomUUID()}`, roles: ['citizen'] };
const otherCitizen: Actor = { subject: `citizen-${randomUUID()}`, roles: ['citizen'] };
const DESK = 'H33-TTPVHCC-Q01';
const deskOfficer: Actor = { subject: 'hy-desk-0001', roles: ['desk_officer'], agencyId: '000.00.01.H33', deskIds: [DESK] };
const forCitizen = { applicantSubject: citizen.subject, deskId: DESK };

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

describe('intake documents, wallet and receipt over gRPC', () => {
  let platform: Platform;
  let client: GrpcClient<IntakeDocumentsV1.DocumentServiceClient>;
  let pg: Client;

  const as = <T>(actor: Actor, call: (c: GrpcClient<IntakeDocumentsV1.DocumentServiceClient>) => Promise<T>) =>
    runInTenant({ tenantId: HY, traceId: newTraceId(), actor }, () => call(client));
  const refusal = async (promise: Promise<unknown>): Promise<RpcErrorInfo> => {
    try {
      await promise;
    } catch (error) {
      return readRpcError(error);
    }
    throw new Error('expected a refusal');
  };
  const documentRows = async () => Number((await pg.query<{ n: string }>('SELECT count(*) AS n FROM intake.documents')).rows[0].n);
  const storedFiles = () => (existsSync(STORAGE) ? readdirSync(STORAGE).length : 0);
  const upload = (content: Buffer, extra: Partial<IntakeDocumentsV1.UploadDocumentRequest> = {}) => ({
    content,
    declaredContentType: 'application/pdf',
    fileName: 'Giấy khai sinh Nguyễn Văn A.pdf',
    documentType: 'giay-khai-sinh',
    onBehalfOf: null,
    ...extra,
  });

  beforeAll(async () => {
    platform = await startPlatform();
    client = createGrpcClient(GrpcServices.intakeDocuments, String(platform.gatewayEnv.INTAKE_GRPC_URL), { deadlineMs: 20_000 });
    pg = new Client({ connectionString: platform.database.ownerUrl });
    await pg.connect();
  });

  afterAll(async () => {
    // The storage directory is the default one (the harness sets no DOCUMENT_STORAGE_DIR): remove what this file stored.
    const stored = pg ? await pg.query<{ storage_key: string }>('SELECT storage_key FROM intake.documents') : { rows: [] };
    for (const { storage_key } of stored.rows) rmSync(join(tmpdir(), 'motcua-documents', storage_key), { force: true });
    client?.close();
    await pg?.end();
    await platform?.stop();
  });

  it('stores an upload with its sniffed type and SHA-256, bytes and row', async () => {
    const document = await as(citizen, (c) => c.uploadDocument(upload(PNG, { declaredContentType: 'application/pdf', fileName: 'scan.pdf' })));
    expect(document).toMatchObject({
      ownerSubject: citizen.subject,
      contentType: 'image/png',
      size: String(PNG.length),
      sha256: createHash('sha256').update(PNG).digest('hex'),
      fileName: 'scan.pdf',
      inWallet: false,
    });
    expect(readFileSync(join(STORAGE, document.id)).equals(PNG)).toBe(true);
    const row = await pg.query('SELECT tenant_id, owner_subject, content_type, storage_key FROM intake.documents WHERE id = $1', [document.id]);
    expect(row.rows).toEqual([{ tenant_id: HY, owner_subject: citizen.subject, content_type: 'image/png', storage_key: `${HY}/${document.id}` }]);
  });

  it.each([
    ['a Windows executable named .pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00PE\x00\x00', 'latin1'), 'application/x-msdownload'],
    ['an HTML page named .pdf', Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 'text/html'],
  ])('refuses %s with INVALID_ARGUMENT and stores nothing', async (_name, content, detected) => {
    const [rows, files] = [await documentRows(), storedFiles()];
    const error = await refusal(as(citizen, (c) => c.uploadDocument(upload(content))));
    expect(error).toMatchObject({ status: status.INVALID_ARGUMENT, code: 'DOCUMENT_CONTENT_REFUSED' });
    expect(error.details).toMatchObject({ detectedContentType: detected, declaredContentType: 'application/pdf' });
    expect(await documentRows()).toBe(rows);
    expect(storedFiles()).toBe(files);
  });

  it('refuses a file over 10 MiB and stores nothing', async () => {
    const [rows, files] = [await documentRows(), storedFiles()];
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const error = await refusal(as(citizen, (c) => c.uploadDocument(upload(big))));
    // gRPC's default 4 MiB message limit refuses it before the service's own limit (which the unit tests cover).
    expect([status.RESOURCE_EXHAUSTED, status.INVALID_ARGUMENT]).toContain(error.status);
    expect(await documentRows()).toBe(rows);
    expect(storedFiles()).toBe(files);
  });

  describe('the document wallet', () => {
    const dossierId = randomUUID();
    let walletDocumentId = '';

    beforeAll(async () => {
      await pg.query(
        `INSERT INTO intake.dossiers (tenant_id, id, procedure_id, procedure_code, agency_id, submitted_by, status, channel, applicant_pseudonym, components, submitted_at, updated_at)
         VALUES ($1, $2, $3, '1.001193', '000.00.01.H33', $4, 'submitted', 'desk', repeat('a', 64), $5, now(), now())`,
        [HY, dossierId, randomUUID(), citizen.subject, JSON.stringify([{ componentCode: 'GCS', fileReference: 'wallet' }])],
      );
      await pg.query(`INSERT INTO intake.applicants (tenant_id, dossier_id, full_name, citizen_id) VALUES ($1, $2, 'Nguyễn Thị Ánh', '033190000001')`, [HY, dossierId]);
    });

    it('takes a document digitized at the desk for the applicant, found by type by the applicant only', async () => {
      const uploaded = await as(deskOfficer, (c) => c.uploadDocument(upload(PDF, { onBehalfOf: forCitizen })));
      expect(uploaded.ownerSubject).toBe(citizen.subject);
      const added = await as(deskOfficer, (c) =>
        c.addToWallet({ documentId: uploaded.id, source: 'digitized', documentType: 'giay-khai-sinh', onBehalfOf: forCitizen }),
      );
      expect(added).toMatchObject({ inWallet: true, walletSource: 'digitized' });
      walletDocumentId = uploaded.id;

      const mine = await as(citizen, (c) => c.listWalletDocuments({ documentType: 'giay-khai-sinh', onBehalfOf: null }));
      expect(mine.documents.map((d) => d.id)).toEqual([uploaded.id]);
      expect((await as(citizen, (c) => c.listWalletDocuments({ documentType: 'so-ho-khau', onBehalfOf: null }))).documents).toEqual([]);
      expect((await as(otherCitizen, (c) => c.listWalletDocuments({ onBehalfOf: null }))).documents).toEqual([]);
    });

    it('refuses a desk officer at a desk not theirs, and a citizen acting for someone else', async () => {
      const elsewhere = await refusal(as(deskOfficer, (c) => c.listWalletDocuments({ onBehalfOf: { applicantSubject: citizen.subject, deskId: 'H33-OTHER' } })));
      expect(elsewhere).toMatchObject({ status: status.PERMISSION_DENIED });
      const impostor = await refusal(as(otherCitizen, (c) => c.listWalletDocuments({ onBehalfOf: forCitizen })));
      expect(impostor).toMatchObject({ status: status.PERMISSION_DENIED });
      const notMine = await refusal(
        as(otherCitizen, (c) => c.recordReuse({ documentId: walletDocumentId, dossierId, componentCode: 'GCS', onBehalfOf: null })),
      );
      expect(notMine).toMatchObject({ status: status.NOT_FOUND, code: 'DOCUMENT_NOT_FOUND' });
    });

    it('records a reuse once, with a document.reused event carrying no personal data', async () => {
      const reuse = await as(citizen, (c) => c.recordReuse({ documentId: walletDocumentId, dossierId, componentCode: 'GCS', onBehalfOf: null }));
      const again = await refusal(as(citizen, (c) => c.recordReuse({ documentId: walletDocumentId, dossierId, componentCode: 'GCS', onBehalfOf: null })));
      expect(again).toMatchObject({ status: status.ALREADY_EXISTS, code: 'DOCUMENT_REUSE_DUPLICATE' });

      const rows = await pg.query('SELECT id, component_code FROM intake.document_reuses WHERE dossier_id = $1', [dossierId]);
      expect(rows.rows).toEqual([{ id: reuse.reuseId, component_code: 'GCS' }]);
      const events = await pg.query<{ topic: string; message_key: string; data: Record<string, unknown> }>(
        `SELECT topic, message_key, data FROM intake.outbox WHERE type = 'document.reused' AND data->>'dossierId' = $1`,
        [dossierId],
      );
      expect(events.rows).toHaveLength(1);
      expect(events.rows[0]).toMatchObject({ topic: 'motcua.dossier.v1', message_key: dossierId });
      expect(events.rows[0].data).toEqual({
        reuseId: reuse.reuseId,
        documentId: walletDocumentId,
        dossierId,
        componentCode: 'GCS',
        documentType: 'giay-khai-sinh',
        reusedAt: reuse.reusedAt,
      });
      const serialized = JSON.stringify(events.rows[0]);
      for (const personal of ['Nguyễn', '033190000001', 'Giấy khai sinh Nguyễn', citizen.subject]) expect(serialized).not.toContain(personal);
    });

    it('shows another tenant nothing: same subject, other province', async () => {
      const inThaiNguyen = <T>(call: (c: GrpcClient<IntakeDocumentsV1.DocumentServiceClient>) => Promise<T>) =>
        runInTenant({ tenantId: 'thai-nguyen', traceId: newTraceId(), actor: citizen }, () => call(client));
      expect((await inThaiNguyen((c) => c.listWalletDocuments({ onBehalfOf: null }))).documents).toEqual([]);
      expect(await refusal(inThaiNguyen((c) => c.recordReuse({ documentId: walletDocumentId, dossierId, componentCode: 'X1', onBehalfOf: null })))).toMatchObject({
        status: status.NOT_FOUND,
      });
      expect(await refusal(inThaiNguyen((c) => c.getReceipt({ dossierId, format: 'html' })))).toMatchObject({ status: status.NOT_FOUND });
    });

    it('gives the applicant the receipt as HTML and as a PDF, and nobody else', async () => {
      const html = await as(citizen, (c) => c.getReceipt({ dossierId, format: 'html' }));
      expect(html.contentType).toBe('text/html; charset=utf-8');
      const page = Buffer.from(html.content).toString('utf8');
      expect(page).toContain('PHIẾU TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(page).toContain('Nguyễn Thị Ánh');

      const pdf = await as(citizen, (c) => c.getReceipt({ dossierId, format: 'pdf' }));
      expect(pdf.contentType).toBe('application/pdf');
      const text = extractText(parsePdf(Buffer.from(pdf.content)));
      expect(text).toContain('Nguyễn Thị Ánh');
      expect(text).toContain('1.001193');

      expect(await refusal(as(otherCitizen, (c) => c.getReceipt({ dossierId, format: 'pdf' })))).toMatchObject({ status: status.PERMISSION_DENIED });
      expect(await refusal(as(citizen, (c) => c.getReceipt({ dossierId, format: 'docx' })))).toMatchObject({ status: status.INVALID_ARGUMENT });
      expect(await refusal(as(citizen, (c) => c.getReceipt({ dossierId: randomUUID(), format: 'html' })))).toMatchObject({ status: status.NOT_FOUND });
    });
  });
});
