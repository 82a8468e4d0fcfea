import { ProcessStepDefinition } from '../domain/process-plan';
import { WorkingClock } from '../domain/working-clock';

/** What processing needs of a procedure version the dossier keeps. */
export interface ProcedureVersionFacts {
  name: string;
  internalProcess: ProcessStepDefinition[];
  onTheSpot: boolean;
  /** The first result document of the version; empty type: none. */
  resultDocument: { documentType: string; name: string };
}

/** The catalogue, as processing reads it (over gRPC in the service, outside transactions). */
export abstract class ProcessingCatalogue {
  abstract procedureVersion(versionId: string): Promise<ProcedureVersionFacts>;
  /** The current tenant's working calendar. */
  abstract workingClock(): Promise<WorkingClock>;
  /** The tenant's agencies by identifier code, with the names a person reads (agencies without a name are left out). */
  abstract agencyNames(): Promise<Map<string, string>>;
}
