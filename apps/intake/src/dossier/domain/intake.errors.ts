import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum IntakeErrorCode {
  InvalidSubmission = 'DOSSIER_SUBMISSION_INVALID',
  DossierIncomplete = 'DOSSIER_INCOMPLETE',
  ProcedureNotFound = 'PROCEDURE_NOT_FOUND',
  DossierNotFound = 'DOSSIER_NOT_FOUND',
}

const categories: Record<IntakeErrorCode, ErrorCategory> = {
  [IntakeErrorCode.InvalidSubmission]: 'invalid',
  [IntakeErrorCode.DossierIncomplete]: 'unprocessable',
  [IntakeErrorCode.ProcedureNotFound]: 'unprocessable',
  [IntakeErrorCode.DossierNotFound]: 'not_found',
};

export class IntakeError extends DomainError<IntakeErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: IntakeErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}
