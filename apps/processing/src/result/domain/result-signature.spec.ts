import { createPrivateKey } from 'node:crypto';
import { extractText, parsePdf } from '@motcua/printing';
import { renderResultHtml, renderResultPdf, ResultDocument, checkResultDocument } from './result-document';
import {
  generateSigningKeyPair,
  keyEncryptionKey,
  openPrivateKey,
  publicJwk,
  sealPrivateKey,
  sha256Hex,
  signStatement,
  verifyDocument,
  verifyStatement,
} from './result-signature';
import { ResultError, ResultErrorCode } from './result.errors';

const document: ResultDocument = {
  resultId: '0190f3a2-7c4e-7b1a-8d2e-000000000007',
  tenantId: 'hung-yen',
  dossierCode: '000.00.01.H33-261126-0001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  decision: 'approved',
  reasons: [],
  agencyId: '000.00.01.H33',
  signerSubject: 'hy-leader-0001',
  issuedAt: new Date('2026-12-01T03:00:00Z'),
  documentType: 'giay-khai-sinh',
  resultName: 'Giấy khai sinh',
  keyId: '0190f3a2-7c4e-7b1a-8d2e-000000000008',
};

const hungYen = generateSigningKeyPair();
const thaiNguyen = generateSigningKeyPair();
const privateKey = (der: Buffer) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });

function issue(doc: ResultDocument, keyDer: Buffer) {
  const pdf = renderResultPdf(doc);
  const facts = { tenantId: doc.tenantId, resultId: doc.resultId, keyId: doc.keyId, sha256: sha256Hex(pdf) };
  return { pdf, facts, signature: signStatement(privateKey(keyDer), facts) };
}

describe('result signatures (Ed25519 over the signed statement)', () => {
  const { pdf, facts, signature } = issue(document, hungYen.privateKey);
  const stored = { ...facts, signature, publicKey: hungYen.publicKey };

  it('verifies a genuine document', () => {
    expect(verifyStatement(hungYen.publicKey, facts, signature)).toBe(true);
    expect(verifyDocument(stored, pdf)).toEqual({ valid: true });
  });

  it('finds every single altered byte', () => {
    for (const at of [0, 9, Math.floor(pdf.length / 2), pdf.length - 1]) {
      const altered = Buffer.from(pdf);
      altered[at] ^= 0x01;
      expect(verifyDocument(stored, altered)).toEqual({ valid: false, reason: 'altered' });
    }
  });

  it("refuses a signature by another tenant's key, and a signature moved to other facts", () => {
    const forged = signStatement(privateKey(thaiNguyen.privateKey), facts);
    expect(verifyStatement(hungYen.publicKey, facts, forged)).toBe(false);
    expect(verifyDocument({ ...stored, signature: forged }, pdf)).toEqual({ valid: false, reason: 'bad_signature' });
    expect(verifyStatement(hungYen.publicKey, { ...facts, tenantId: 'thai-nguyen' }, signature)).toBe(false);
    expect(verifyStatement(hungYen.publicKey, { ...facts, resultId: '0190f3a2-7c4e-7b1a-8d2e-000000000009' }, signature)).toBe(false);
    expect(verifyStatement(hungYen.publicKey, facts, 'not-a-signature')).toBe(false);
  });

  it('calls a document nobody stored unknown', () => {
    expect(verifyDocument(null, pdf)).toEqual({ valid: false, reason: 'unknown_document' });
  });

  it('publishes the public key as an RFC 8037 JWK', () => {
    const jwk = publicJwk(hungYen.publicKey, document.keyId);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: document.keyId, alg: 'EdDSA', use: 'sig' });
    expect(Buffer.from(jwk.x, 'base64url')).toHaveLength(32);
  });
});

describe('sealed private keys (AES-256-GCM under the key-encryption key)', () => {
  const kek = keyEncryptionKey(Buffer.alloc(32, 7).toString('base64'));
  const sealed = sealPrivateKey(kek, hungYen.privateKey, 'hung-yen', document.keyId);

  it('opens with the same KEK, tenant and key id, and signs like the original', () => {
    const opened = openPrivateKey(kek, sealed, 'hung-yen', document.keyId);
    const facts = { tenantId: 'hung-yen', resultId: document.resultId, keyId: document.keyId, sha256: 'a'.repeat(64) };
    expect(verifyStatement(hungYen.publicKey, facts, signStatement(opened, facts))).toBe(true);
    expect(sealed.includes(hungYen.privateKey.subarray(-32))).toBe(false);
  });

  it('does not open under another KEK, for another tenant or key, or with a changed byte', () => {
    const unreadable = (work: () => unknown) => {
      expect(work).toThrow(ResultError);
      try {
        work();
      } catch (error) {
        expect((error as ResultError).code).toBe(ResultErrorCode.SigningKeyUnreadable);
      }
    };
    unreadable(() => openPrivateKey(keyEncryptionKey(Buffer.alloc(32, 8).toString('base64')), sealed, 'hung-yen', document.keyId));
    unreadable(() => openPrivateKey(kek, sealed, 'thai-nguyen', document.keyId));
    unreadable(() => openPrivateKey(kek, sealed, 'hung-yen', document.resultId));
    const changed = Buffer.from(sealed);
    changed[changed.length - 1] ^= 1;
    unreadable(() => openPrivateKey(kek, changed, 'hung-yen', document.keyId));
  });

  it('needs a 32-byte KEK', () => {
    expect(() => keyEncryptionKey(Buffer.alloc(16).toString('base64'))).toThrow('32 bytes');
  });
});

describe('the result document', () => {
  it('renders the same bytes for the same facts, other bytes for other facts', () => {
    expect(renderResultPdf(document).equals(renderResultPdf({ ...document }))).toBe(true);
    expect(renderResultPdf({ ...document, dossierCode: '000.00.01.H33-261126-0002' }).equals(renderResultPdf(document))).toBe(false);
  });

  it('says in Vietnamese what was decided, by whom and when, naming the dossier and not the person', () => {
    const refusal = { ...document, decision: 'refused' as const, reasons: ['Hồ sơ thiếu bản sao giấy chứng sinh có chứng thực'], documentType: 'thong-bao-tu-choi' };
    const text = extractText(parsePdf(renderResultPdf(refusal)));
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ',
      '000.00.01.H33-261126-0001',
      'Đăng ký khai sinh (1.001193)',
      'Từ chối',
      '1. Hồ sơ thiếu bản sao giấy chứng sinh có chứng thực',
      '10 giờ 00 phút, ngày 01/12/2026',
      document.resultId,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(document.keyId);
    const html = renderResultHtml(refusal);
    expect(html).toContain('<li>Hồ sơ thiếu bản sao giấy chứng sinh có chứng thực</li>');
    expect(html).toContain('<td>Từ chối</td>');
  });

  it('escapes data in the HTML view', () => {
    expect(renderResultHtml({ ...document, resultName: '<script>x</script>' })).toContain('&lt;script&gt;x&lt;/script&gt;');
  });

  it('refuses a refusal without reasons and an unknown decision, listing every problem', () => {
    try {
      checkResultDocument({ ...document, decision: 'refused', reasons: [], documentType: 'Bad Type' });
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ResultError);
      expect((error as ResultError).details.errors?.map((e) => e.field).sort()).toEqual(['documentType', 'reasons']);
    }
    expect(() => checkResultDocument({ ...document, decision: 'postponed' as unknown as 'approved' })).toThrow(ResultError);
    expect(checkResultDocument(document)).toBe(document);
  });
});
