import { EntityManager } from 'typeorm';
import { ReceiptData } from './receipt-data';

/** A dossier's receipt as the source knows it, with the facts authorization needs. */
export interface ReceiptRecord {
  readonly data: ReceiptData;
  /** The applicant's subject (owner scope). */
  readonly ownerSubject: string;
  /** The agency responsible (identifier code). */
  readonly agencyId: string;
  /** The receiving desk, when known. */
  readonly deskId?: string;
}

/**
 * Where the receipt's facts come from. The dossier feature owns the dossier tables and is
 * expected to implement this port itself once receipt (code, appointment, officer) is
 * modelled; `SqlReceiptSource` reads the minimal columns meanwhile.
 */
export abstract class ReceiptSource {
  /** Within the tenant transaction; null when the tenant has no such dossier. */
  abstract find(manager: EntityManager, dossierId: string): Promise<ReceiptRecord | null>;
}
