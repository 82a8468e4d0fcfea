import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum IntakeErrorCode {
  InvalidSubmission = 'DOSSIER_SUBMISSION_INVALID',
  DossierIncomplete = 'DOSSIER_INCOMPLETE',
  ProcedureNotFound = 'PROCEDURE_NOT_FOUND',
  DossierNotFound = 'DOSSIER_NOT_FOUND',
  InvalidTransition = 'DOSSIER_TRANSITION_NOT_ALLOWED',
  SupplementAlreadyRequested = 'DOSSIER_SUPPLEMENT_ALREADY_REQUESTED',
  InvalidDecision = 'DOSSIER_DECISION_INVALID',
  DeskCannotReceive = 'DESK_CANNOT_RECEIVE',
  DeskNotOwn = 'DESK_NOT_OWN',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  AgencyUnresolved = 'COMPETENT_AGENCY_UNRESOLVED',
  FeeCaseInvalid = 'FEE_CASE_INVALID',
  /** The agency-day format's 4-digit sequence is used up for this agency and local day. */
  DossierCodesExhausted = 'DOSSIER_CODES_EXHAUSTED',
}

const categories: Record<IntakeErrorCode, ErrorCategory> = {
  [IntakeErrorCode.InvalidSubmission]: 'invalid',
  [IntakeErrorCode.DossierIncomplete]: 'unprocessable',
  [IntakeErrorCode.ProcedureNotFound]: 'unprocessable',
  [IntakeErrorCode.DossierNotFound]: 'not_found',
  [IntakeErrorCode.InvalidTransition]: 'precondition',
  [IntakeErrorCode.SupplementAlreadyRequested]: 'precondition',
  [IntakeErrorCode.InvalidDecision]: 'invalid',
  [IntakeErrorCode.DeskCannotReceive]: 'unprocessable',
  [IntakeErrorCode.DeskNotOwn]: 'forbidden',
  [IntakeErrorCode.IdempotencyKeyReused]: 'conflict',
  [IntakeErrorCode.AgencyUnresolved]: 'unprocessable',
  [IntakeErrorCode.FeeCaseInvalid]: 'unprocessable',
  // RESOURCE_EXHAUSTED (HTTP 429): a daily quota, free again on the next local day.
  [IntakeErrorCode.DossierCodesExhausted]: 'rate_limited',
};

export class IntakeError extends DomainError<IntakeErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: IntakeErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}
