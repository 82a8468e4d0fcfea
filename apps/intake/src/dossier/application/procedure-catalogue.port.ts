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

export interface AppointmentSlot {
  appointmentAt: Date;
  localDate: string;
}

/** What intake asks the catalogue (as the caller, in the caller's tenant). */
export abstract class ProcedureCatalogue {
  /** The version in force now. Null when the tenant has no such procedure. */
  abstract find(procedureId: string): Promise<ProcedureRequirements | null>;
  /** The exact version a dossier keeps. */
  abstract findVersion(versionId: string): Promise<ProcedureRequirements | null>;
  abstract competentAgency(versionId: string, unitCode: string): Promise<CompetentAgency>;
  abstract canDeskReceive(deskId: string, versionId: string, unitCode: string): Promise<DeskReceiveDecision>;
  abstract assessFees(versionId: string, channel: Channel): Promise<{ lines: FeeLine[]; total: number }>;
  abstract appointment(versionId: string, receivedAt: Date): Promise<AppointmentSlot>;
}
