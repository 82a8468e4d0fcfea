import { EntityManager } from 'typeorm';

/** The facts a decided dossier's result document states (no personal data: processing has none). */
export interface ResultFacts {
  dossierId: string;
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  decision: 'approved' | 'refused';
  reasons: string[];
  agencyId: string;
  decidedBy: string;
  decidedAt: Date;
  documentType: string;
  resultName: string;
}

export interface IssuedResult {
  resultId: string;
  sha256: string;
  keyId: string;
  signature: string;
}

/** Issues the signed result of a decision inside the deciding transaction. */
export abstract class ResultIssuing {
  abstract issue(manager: EntityManager, facts: ResultFacts): Promise<IssuedResult>;
}
