/** Running dossier counts of one tenant, fed by the dossier stream. */
export interface DossierCounters {
  submitted: number;
  updatedAt: Date | null;
}

export const EMPTY_COUNTERS: DossierCounters = { submitted: 0, updatedAt: null };
