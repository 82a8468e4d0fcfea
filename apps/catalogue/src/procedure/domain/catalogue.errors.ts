import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum CatalogueErrorCode {
  InvalidProcedure = 'PROCEDURE_INVALID',
  ProcedureExists = 'PROCEDURE_EXISTS',
  ProcedureNotFound = 'PROCEDURE_NOT_FOUND',
}

const categories: Record<CatalogueErrorCode, ErrorCategory> = {
  [CatalogueErrorCode.InvalidProcedure]: 'invalid',
  [CatalogueErrorCode.ProcedureExists]: 'conflict',
  [CatalogueErrorCode.ProcedureNotFound]: 'not_found',
};

export class CatalogueError extends DomainError<CatalogueErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: CatalogueErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}
