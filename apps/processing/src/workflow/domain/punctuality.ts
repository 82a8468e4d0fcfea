import { Workflow } from './workflow';

export type Punctuality = 'finished_on_time' | 'finished_late' | 'in_progress_on_time' | 'in_progress_late';

type Facts = Pick<Workflow, 'status' | 'decidedAt' | 'deadlineAt' | 'supplementRequests' | 'pause'>;

/**
 * Where a dossier stands against its deadline at `now` (DOMAIN.md, Decision 766): its end is the
 * moment it was decided ("processed"); paused time is already added to the deadline; asked for a
 * supplement more than once counts as late. A stopped (withdrawn) dossier is not counted: null.
 */
export function punctualityOf(workflow: Facts, now: Date): Punctuality | null {
  if (workflow.status === 'stopped') return null;
  if (workflow.decidedAt !== null) {
    return workflow.decidedAt <= workflow.deadlineAt && workflow.supplementRequests <= 1 ? 'finished_on_time' : 'finished_late';
  }
  // A paused dossier's clock stopped when the pause began.
  const measuredAt = workflow.pause?.since ?? now;
  return measuredAt <= workflow.deadlineAt && workflow.supplementRequests <= 1 ? 'in_progress_on_time' : 'in_progress_late';
}

export interface PunctualityFigures {
  counted: number;
  finishedOnTime: number;
  finishedLate: number;
  inProgressOnTime: number;
  inProgressLate: number;
  /** On time ÷ counted, in percent with two decimals; null when nothing is counted. */
  onTimeRate: number | null;
  overdueRate: number | null;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;
}

export function punctualityFigures(workflows: readonly Facts[], now: Date): PunctualityFigures {
  const counts: Record<Punctuality, number> = { finished_on_time: 0, finished_late: 0, in_progress_on_time: 0, in_progress_late: 0 };
  for (const workflow of workflows) {
    const kind = punctualityOf(workflow, now);
    if (kind !== null) counts[kind] += 1;
  }
  const counted = counts.finished_on_time + counts.finished_late + counts.in_progress_on_time + counts.in_progress_late;
  const onTime = counts.finished_on_time + counts.in_progress_on_time;
  return {
    counted,
    finishedOnTime: counts.finished_on_time,
    finishedLate: counts.finished_late,
    inProgressOnTime: counts.in_progress_on_time,
    inProgressLate: counts.in_progress_late,
    onTimeRate: percent(onTime, counted),
    overdueRate: percent(counted - onTime, counted),
  };
}
