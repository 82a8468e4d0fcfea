import { Channel, FeeLine, ProcedureRequirements } from '../domain/dossier';

export interface CompetentAgency {
  agencyId: string;
  registered: boolean;
}

export interface DeskReceiveDecision {
  allowed: boolean;
  reason: string;
  explanation: string;
  /** The procedure is received here although its competent agency is elsewhere. */
  locationIndependent: boolean;
}

/** Names as the catalogue has them; null where it has none. */
export interface StructureNames {
  agency: string | null;
  desk: string | null;
}

export interface AppointmentSlot {
  appointmentAt: Date;
  localDate: string;
}

/** What intake asks the catalogue (as the caller, in the caller's tenant). */
/** The applicant's case for the fee assessment: variant, attributes granting exemptions, counted units. */
export interface FeeCase {
  variant: string;
  attributes: string[];
  quantities: { item: string; quantity: number }[];
}

export const DEFAULT_FEE_CASE: FeeCase = { variant: '', attributes: [], quantities: [] };

export abstract class ProcedureCatalogue {
  /** The version in force now. Null when the tenant has no such procedure. */
  abstract find(procedureId: string): Promise<ProcedureRequirements | null>;
  /** The exact version a dossier keeps. */
  abstract findVersion(versionId: string): Promise<ProcedureRequirements | null>;
  abstract competentAgency(versionId: string, unitCode: string): Promise<CompetentAgency>;
  abstract canDeskReceive(deskId: string, versionId: string, unitCode: string): Promise<DeskReceiveDecision>;
  /** Refuses a case that does not fit the procedure's fee schedule with FEE_CASE_INVALID and its field errors. */
  abstract assessFees(versionId: string, channel: Channel, feeCase: FeeCase): Promise<{ lines: FeeLine[]; total: number }>;
  abstract appointment(versionId: string, receivedAt: Date): Promise<AppointmentSlot>;
  /** The names of an agency and, when given, of one of its desks (for printed slips). */
  abstract structureNames(agencyId: string, deskId?: string): Promise<StructureNames>;
}
