import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum ProcessingErrorCode {
  WorkflowNotFound = 'WORKFLOW_NOT_FOUND',
  ActionNotAllowed = 'WORKFLOW_ACTION_NOT_ALLOWED',
  NotYourTask = 'WORKFLOW_NOT_YOUR_TASK',
  InvalidAction = 'WORKFLOW_ACTION_INVALID',
  VersionConflict = 'WORKFLOW_VERSION_CONFLICT',
  ApologyAlreadyIssued = 'WORKFLOW_APOLOGY_ALREADY_ISSUED',
  ApologyNotDue = 'WORKFLOW_APOLOGY_NOT_DUE',
  ApologyNotIssued = 'WORKFLOW_APOLOGY_NOT_ISSUED',
  NotOnTheSpot = 'WORKFLOW_NOT_ON_THE_SPOT',
  CalendarUnavailable = 'CALENDAR_UNAVAILABLE',
  CatalogueUnavailable = 'CATALOGUE_UNAVAILABLE',
}

const categories: Record<ProcessingErrorCode, ErrorCategory> = {
  [ProcessingErrorCode.WorkflowNotFound]: 'not_found',
  [ProcessingErrorCode.ActionNotAllowed]: 'precondition',
  [ProcessingErrorCode.NotYourTask]: 'forbidden',
  [ProcessingErrorCode.InvalidAction]: 'invalid',
  [ProcessingErrorCode.VersionConflict]: 'conflict',
  [ProcessingErrorCode.ApologyAlreadyIssued]: 'precondition',
  [ProcessingErrorCode.ApologyNotDue]: 'precondition',
  [ProcessingErrorCode.ApologyNotIssued]: 'not_found',
  [ProcessingErrorCode.NotOnTheSpot]: 'precondition',
  [ProcessingErrorCode.CalendarUnavailable]: 'unavailable',
  [ProcessingErrorCode.CatalogueUnavailable]: 'unavailable',
};

export class ProcessingError extends DomainError<ProcessingErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: ProcessingErrorCode, message: string, details?: ErrorDetails) {
    super(code, message, details);
  }
}
