import { checkDocumentType, cleanFileName } from './document';

/** Owners that stand for "no signed-in applicant": a desk intake records `desk:<officer subject>`. */
const DESK_OWNER_PREFIX = 'desk:';

export interface IssuedResultFacts {
  readonly dossierId: string;
  readonly decision: 'approved' | 'refused';
  readonly documentType: string;
}

export interface FiledDossier {
  /** The dossier's owner (`intake.dossiers.submitted_by`). */
  readonly ownerSubject: string;
  readonly code: string | null;
}

export type FilingDecision =
  | { readonly file: true; readonly ownerSubject: string; readonly documentType: string; readonly fileName: string }
  | { readonly file: false; readonly reason: FilingSkipReason };

/**
 * `refused`: a refusal letter is not a document anyone reuses for another procedure (it is
 * the applicant's answer, read in the dossier, not a paper of theirs), so it is not filed.
 * `no_applicant`: taken in at a desk for an applicant who never signed in: the dossier has
 * no owner subject, so there is no wallet to file into.
 */
export type FilingSkipReason = 'refused' | 'no_applicant';

/** Whether a result goes into the applicant's wallet, as which document type and under what file name. */
export function decideResultFiling(result: IssuedResultFacts, dossier: FiledDossier): FilingDecision {
  if (result.decision !== 'approved') return { file: false, reason: 'refused' };
  const owner = dossier.ownerSubject.trim();
  if (owner === '' || owner.startsWith(DESK_OWNER_PREFIX)) return { file: false, reason: 'no_applicant' };
  const documentType = checkDocumentType(result.documentType);
  const name = (dossier.code ?? '').trim() || result.dossierId;
  return { file: true, ownerSubject: owner, documentType, fileName: cleanFileName(`${documentType}-${name}.pdf`.replace(/[\\/]/g, '-')) };
}
