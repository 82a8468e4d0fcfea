/**
 * Reads of an applicant's personal data by someone else (Law 91/2025, Decree 356/2025: each
 * access by an officer is audited). Intake records who read, with which roles and agency,
 * which dossier, what (the RPC) and the trace: never a data value. The applicant reading
 * their own dossier is not recorded.
 */

/** The intake RPCs whose answers carry an applicant's personal data (docs/personal-data-access.md). */
export const PERSONAL_DATA_READS = ['GetDossier', 'GetDossierDetail', 'ListDossierActions', 'GetReceipt'] as const;
export type PersonalDataRead = (typeof PERSONAL_DATA_READS)[number];

/** Who reads: the propagated actor. */
export interface Reader {
  readonly subject: string;
  readonly roles: readonly string[];
  readonly agencyId?: string;
}

export interface PersonalDataAccess {
  readonly id: string;
  readonly accessedAt: Date;
  readonly actorSubject: string;
  readonly actorRoles: readonly string[];
  readonly actorAgencyId: string | null;
  /** The applicant whose data was read (their identity subject). */
  readonly dataSubject: string;
  readonly dossierId: string | null;
  readonly read: PersonalDataRead;
  readonly traceId: string;
}

export interface ReadOfPersonalData {
  readonly read: PersonalDataRead;
  readonly dataSubject: string;
  readonly dossierId: string | null;
}

/**
 * The entry to append for `reader` reading `what`, or null when the reader is the data
 * subject (an applicant reading their own dossier is not an access to audit).
 */
export function personalDataAccessOf(
  reader: Reader,
  what: ReadOfPersonalData,
  at: { id: string; accessedAt: Date; traceId: string },
): PersonalDataAccess | null {
  if (reader.subject === what.dataSubject) return null;
  return {
    id: at.id,
    accessedAt: at.accessedAt,
    actorSubject: reader.subject,
    actorRoles: [...reader.roles],
    actorAgencyId: reader.agencyId ?? null,
    dataSubject: what.dataSubject,
    dossierId: what.dossierId,
    read: what.read,
    traceId: at.traceId,
  };
}
