import { DocumentError, DocumentErrorCode } from './document.errors';

export type WalletSource = 'digitized' | 'result';
export const WALLET_SOURCES: readonly WalletSource[] = ['digitized', 'result'];

export interface StoredDocument {
  readonly id: string;
  readonly ownerSubject: string;
  readonly uploadedBy: string;
  readonly documentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly contentType: string;
  readonly fileName: string;
  readonly storageKey: string;
  readonly walletSource: WalletSource | null;
  readonly walletAddedAt: Date | null;
  readonly createdAt: Date;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * The catalogue's document-type codes (`giay_khai_sinh`, `ket_qua_thu_tuc`) and the kebab-case
 * codes of uploads (`giay-khai-sinh`): letters, digits, dots, dashes, underscores, as processing
 * writes them into `dossier.result-issued`, so a filed result can be listed by its type.
 */
const DOCUMENT_TYPE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const COMPONENT_CODE = /^[A-Za-z0-9._-]{1,50}$/;

const invalid = (field: string, message: string): never => {
  throw new DocumentError(DocumentErrorCode.InvalidRequest, `Invalid ${field}`, { errors: [{ field, message }] });
};

/** A document type code (as the catalogue's), or empty for unknown. */
export function checkDocumentType(value: string, field = 'documentType'): string {
  if (value !== '' && !DOCUMENT_TYPE.test(value)) invalid(field, 'letters, digits, dots, dashes and underscores, at most 100');
  return value;
}

export function checkUuid(value: string, field: string): string {
  if (!UUID.test(value)) invalid(field, 'must be a UUID');
  return value.toLowerCase();
}

export function checkComponentCode(value: string): string {
  if (!COMPONENT_CODE.test(value)) invalid('componentCode', 'letters, digits, dot, dash or underscore, at most 50');
  return value;
}

export function checkWalletSource(value: string): WalletSource {
  const found = WALLET_SOURCES.find((source) => source === value);
  if (!found) return invalid('source', `one of ${WALLET_SOURCES.join(', ')}`);
  return found;
}

/** A file name as shown back to its owner: no path, no control characters, at most 255 characters. */
export function cleanFileName(value: string): string {
  // eslint-disable-next-line no-control-regex
  const base = value.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  if (base === '' || base.length > 255) invalid('fileName', 'a name of 1 to 255 characters');
  return base;
}
