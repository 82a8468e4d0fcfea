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
};

export class IntakeError extends DomainError<IntakeErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: IntakeErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}
