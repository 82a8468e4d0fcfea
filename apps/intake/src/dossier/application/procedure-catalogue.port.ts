import { ProcedureRequirements } from '../domain/dossier';

/** What intake asks the catalogue: the procedure a dossier is submitted for, in the caller's tenant. */
export abstract class ProcedureCatalogue {
  /** Null when the tenant has no such procedure. */
  abstract find(procedureId: string): Promise<ProcedureRequirements | null>;
}
