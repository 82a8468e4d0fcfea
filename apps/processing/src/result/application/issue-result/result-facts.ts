import { Decision } from '../../domain/result-document';

/** What the approve/refuse handler knows when it issues the result (no personal data). */
export interface ResultFacts {
  dossierId: string;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  decision: Decision;
  reasons: string[];
  /** Identifier code of the issuing agency. */
  agencyId: string;
  /** Subject of the leader who decided and signs. */
  decidedBy: string;
  decidedAt: Date;
  /** Machine name of the kind of document, e.g. `giay-khai-sinh`. */
  documentType: string;
  /** The result's name as printed, e.g. "Giấy khai sinh". */
  resultName: string;
}

export interface IssuedResult {
  resultId: string;
  sha256: string;
  keyId: string;
  signature: string;
}
