import { DomainError, ErrorCategory, ErrorDetails } from '@motcua/domain-kernel';

export enum CatalogueErrorCode {
  /** A lookup or query is malformed (bad id, date, key). */
  QueryInvalid = 'CATALOGUE_QUERY_INVALID',
  InvalidProcedure = 'PROCEDURE_INVALID',
  ProcedureExists = 'PROCEDURE_EXISTS',
  ProcedureNotFound = 'PROCEDURE_NOT_FOUND',
  /** The procedure exists but no version is in force at the date asked. */
  ProcedureNotInForce = 'PROCEDURE_NOT_IN_FORCE',
  /** A new version or a withdrawal does not fit the procedure's timeline. */
  VersionConflict = 'PROCEDURE_VERSION_CONFLICT',
  FeeCaseInvalid = 'FEE_CASE_INVALID',
  UnitInvalid = 'UNIT_INVALID',
  UnitNotFound = 'UNIT_NOT_FOUND',
  AgencyInvalid = 'AGENCY_INVALID',
  AgencyNotFound = 'AGENCY_NOT_FOUND',
  DeskInvalid = 'DESK_INVALID',
  DeskNotFound = 'DESK_NOT_FOUND',
  CalendarInvalid = 'CALENDAR_INVALID',
  CalendarOverrideNotFound = 'CALENDAR_OVERRIDE_NOT_FOUND',
  /** The tenant's calendar cannot answer for that date (no holiday rules or list for the year). */
  CalendarUnavailable = 'CALENDAR_UNAVAILABLE',
  /** A catalogue file has errors (every one listed in details.errors, by location): nothing stored. */
  ImportInvalid = 'CATALOGUE_IMPORT_INVALID',
  /** A catalogue file would rewrite stored history (details.errors): nothing stored. */
  ImportConflict = 'CATALOGUE_IMPORT_CONFLICT',
}

const categories: Record<CatalogueErrorCode, ErrorCategory> = {
  [CatalogueErrorCode.QueryInvalid]: 'invalid',
  [CatalogueErrorCode.InvalidProcedure]: 'invalid',
  [CatalogueErrorCode.ProcedureExists]: 'conflict',
  [CatalogueErrorCode.ProcedureNotFound]: 'not_found',
  [CatalogueErrorCode.ProcedureNotInForce]: 'not_found',
  [CatalogueErrorCode.VersionConflict]: 'precondition',
  [CatalogueErrorCode.FeeCaseInvalid]: 'invalid',
  [CatalogueErrorCode.UnitInvalid]: 'invalid',
  [CatalogueErrorCode.UnitNotFound]: 'not_found',
  [CatalogueErrorCode.AgencyInvalid]: 'invalid',
  [CatalogueErrorCode.AgencyNotFound]: 'not_found',
  [CatalogueErrorCode.DeskInvalid]: 'invalid',
  [CatalogueErrorCode.DeskNotFound]: 'not_found',
  [CatalogueErrorCode.CalendarInvalid]: 'invalid',
  [CatalogueErrorCode.CalendarOverrideNotFound]: 'not_found',
  [CatalogueErrorCode.CalendarUnavailable]: 'unprocessable',
  [CatalogueErrorCode.ImportInvalid]: 'invalid',
  [CatalogueErrorCode.ImportConflict]: 'conflict',
};

export class CatalogueError extends DomainError<CatalogueErrorCode> {
  get category(): ErrorCategory {
    return categories[this.code];
  }

  constructor(code: CatalogueErrorCode, message: string, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

/** Throws `code` with every collected field error, when there is any. */
export function throwIfInvalid(code: CatalogueErrorCode, message: string, errors: { field: string; message: string }[]): void {
  if (errors.length > 0) throw new CatalogueError(code, message, { errors });
}
