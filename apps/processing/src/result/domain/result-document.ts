import {
  escapeHtml,
  formatVietnamTime,
  htmlFieldRow,
  htmlPage,
  loadPdfFont,
  NATIONAL_HEADING,
  PdfFlow,
  PRINT_CSS,
} from '@motcua/printing';
import { ResultError, ResultErrorCode } from './result.errors';

export const DECISIONS = ['approved', 'refused'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * What a result document says. Processing holds no personal data of the applicant (only a
 * pseudonym), so the document names the dossier by its code, never the person.
 */
export interface ResultDocument {
  readonly resultId: string;
  /** The province (tenant) whose key signs it. */
  readonly tenantId: string;
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly decision: Decision;
  /** Why (required for a refusal; may explain conditions of an approval). */
  readonly reasons: readonly string[];
  /** Identifier code of the issuing agency. */
  readonly agencyId: string;
  /** Subject of the leader who decided (the signer). */
  readonly signerSubject: string;
  readonly issuedAt: Date;
  /** Machine name of the kind of document, e.g. `giay-khai-sinh`, `thong-bao-tu-choi`. */
  readonly documentType: string;
  /** The result's name as printed, e.g. "Giấy khai sinh". */
  readonly resultName: string;
  /** The key that signs it (printed, so a verifier knows which public key to fetch). */
  readonly keyId: string;
}

export const RESULT_TEXT = {
  form: 'Văn bản điện tử',
  approvedTitle: 'KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
  refusedTitle: 'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ',
  resultId: 'Mã kết quả',
  dossierCode: 'Mã hồ sơ',
  procedure: 'Thủ tục hành chính',
  resultName: 'Tên kết quả',
  documentType: 'Loại văn bản',
  decision: 'Quyết định',
  approved: 'Chấp thuận',
  refused: 'Từ chối',
  reasons: 'Lý do',
  agency: 'Cơ quan ban hành',
  signer: 'Người ký',
  issuedAt: 'Thời gian ban hành',
  signature: 'Văn bản được ký số bằng khóa của đơn vị',
  keyId: 'mã khóa',
  verify: 'Kiểm tra tính xác thực: gửi tệp PDF này tới /v1/results/verify (không cần đăng nhập).',
} as const;

const T = RESULT_TEXT;
const MAX_TEXT = 2000;

/** Checks what a document may say; every problem is listed (INVALID_ARGUMENT). */
export function checkResultDocument(document: ResultDocument): ResultDocument {
  const errors: { field: string; message: string }[] = [];
  const required = (field: keyof ResultDocument, value: string, max = 500) => {
    if (value.trim() === '') errors.push({ field, message: 'required' });
    else if (value.length > max) errors.push({ field, message: `at most ${max} characters` });
  };
  required('dossierCode', document.dossierCode, 100);
  required('procedureCode', document.procedureCode, 100);
  required('procedureName', document.procedureName);
  required('agencyId', document.agencyId, 40);
  required('signerSubject', document.signerSubject, 200);
  required('resultName', document.resultName);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(document.documentType)) errors.push({ field: 'documentType', message: 'letters, digits, dots, hyphens and underscores (as the catalogue), at most 100' });
  if (!(DECISIONS as readonly string[]).includes(document.decision)) errors.push({ field: 'decision', message: 'approved or refused' });
  if (document.decision === 'refused' && document.reasons.length === 0) errors.push({ field: 'reasons', message: 'a refusal needs its reasons' });
  document.reasons.forEach((reason, i) => {
    if (reason.trim() === '' || reason.length > MAX_TEXT) errors.push({ field: `reasons[${i}]`, message: `1 to ${MAX_TEXT} characters` });
  });
  if (Number.isNaN(document.issuedAt.getTime())) errors.push({ field: 'issuedAt', message: 'a valid instant' });
  if (errors.length > 0) throw new ResultError(ResultErrorCode.InvalidRequest, 'The result document is invalid', { errors });
  return document;
}

const decisionLabel = (decision: Decision) => (decision === 'approved' ? T.approved : T.refused);
const title = (document: ResultDocument) => (document.decision === 'approved' ? T.approvedTitle : T.refusedTitle);
const signatureLine = (document: ResultDocument) => `${T.signature} ${document.tenantId} (Ed25519, ${T.keyId} ${document.keyId}).`;

/** The fields in the order printed, label and value. */
function fields(document: ResultDocument): [string, string][] {
  return [
    [T.resultId, document.resultId],
    [T.dossierCode, document.dossierCode],
    [T.procedure, `${document.procedureName} (${document.procedureCode})`],
    [T.resultName, document.resultName],
    [T.documentType, document.documentType],
    [T.decision, decisionLabel(document.decision)],
    [T.agency, document.agencyId],
    [T.signer, document.signerSubject],
    [T.issuedAt, formatVietnamTime(document.issuedAt)],
  ];
}

/**
 * The signed form of the result: A4 PDF, DejaVu Sans embedded, text extractable. The same
 * document always gives the same bytes (no creation date or random id in the file), so its
 * hash is a property of what it says. Pure apart from reading the font file once.
 */
export function renderResultPdf(document: ResultDocument): Buffer {
  const flow = new PdfFlow(loadPdfFont());
  flow.formHeading({ form: T.form, ...NATIONAL_HEADING, title: title(document) });
  for (const [label, value] of fields(document)) flow.labelled(label, value);
  if (document.reasons.length > 0) {
    flow.newLine(flow.line * 0.5);
    flow.text(`${T.reasons}:`);
    flow.newLine();
    document.reasons.forEach((reason, i) => flow.paragraph(`${i + 1}. ${reason}`, 16));
  }
  flow.newLine();
  flow.paragraph(signatureLine(document));
  flow.paragraph(T.verify);
  return flow.toPdf({ title: title(document), producer: 'MotCua' });
}

/** A readable HTML view of the same facts (the PDF is what is signed). Pure. */
export function renderResultHtml(document: ResultDocument): string {
  const e = escapeHtml;
  const reasons = document.reasons.length
    ? `<h2>${e(T.reasons)}</h2>\n<ol>${document.reasons.map((reason) => `<li>${e(reason)}</li>`).join('')}</ol>\n`
    : '';
  return htmlPage({
    title: title(document),
    css: `${PRINT_CSS}.form { text-align: right; font-size: 0.8em; }
.signature { margin-top: 2em; font-size: 0.9em; }
`,
    body: `<p class="form">${e(T.form)}</p>
<header><strong>${e(NATIONAL_HEADING.nation)}</strong><br><u>${e(NATIONAL_HEADING.motto)}</u></header>
<h1>${e(title(document))}</h1>
<table class="fields">
${fields(document)
  .map(([label, value]) => htmlFieldRow(label, value))
  .join('\n')}
</table>
${reasons}<p class="signature">${e(signatureLine(document))}<br>${e(T.verify)}</p>
`,
  });
}
