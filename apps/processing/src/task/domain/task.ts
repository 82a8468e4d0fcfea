/** A unit of work on a dossier, held by the pool of a step's role until done. */
export interface Task {
  id: string;
  dossierId: string;
  /** The agency whose pool holds the task. */
  agencyId: string;
  step: string;
  status: 'open' | 'done';
  createdAt: Date;
}

/**
 * The step a received dossier starts in. Until procedures carry their internal process
 * (the processing issue), every dossier starts with the specialist's handling step.
 */
export const FIRST_STEP = 'handle';

export function openFirstTask(id: string, dossierId: string, agencyId: string, now: Date): Task {
  return { id, dossierId, agencyId, step: FIRST_STEP, status: 'open', createdAt: now };
}
