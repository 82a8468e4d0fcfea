import { ProcessingError, ProcessingErrorCode } from './processing.errors';

/** Who works a step (the catalogue's internal-process roles). */
export const STEP_ROLES = ['desk_officer', 'specialist', 'leader', 'clerk'] as const;
export type StepRole = (typeof STEP_ROLES)[number];

/** One step of the catalogue's internal process, as the procedure version says it. */
export interface ProcessStepDefinition {
  name: string;
  role: string;
  /** Empty: the competent agency. */
  agencyId: string;
  share: number;
  handsOver: boolean;
}

/** One step of a dossier's workflow: the definition resolved to an agency and a working-time allowance. */
export interface StepPlan {
  name: string;
  role: StepRole;
  agencyId: string;
  handsOver: boolean;
  /** Working milliseconds allowed: the step's share of the dossier's processing time. */
  allowedMs: number;
}

/**
 * Used when a procedure version has no internal process: receipt, handling, approval and the
 * return of the result by the competent agency, with the shares most approved processes use.
 */
export const RECEIPT_STEP_NAME = 'Tiếp nhận hồ sơ';
export const RETURN_STEP_NAME = 'Trả kết quả';

export const DEFAULT_PROCESS: readonly ProcessStepDefinition[] = [
  { name: RECEIPT_STEP_NAME, role: 'desk_officer', agencyId: '', share: 0.1, handsOver: false },
  { name: 'Thẩm định, xử lý hồ sơ', role: 'specialist', agencyId: '', share: 0.6, handsOver: false },
  { name: 'Lãnh đạo phê duyệt, ký', role: 'leader', agencyId: '', share: 0.2, handsOver: false },
  { name: RETURN_STEP_NAME, role: 'desk_officer', agencyId: '', share: 0.1, handsOver: false },
];

function isStepRole(role: string): role is StepRole {
  return (STEP_ROLES as readonly string[]).includes(role);
}

/**
 * The workflow's steps from the version's internal process (data, not code): each step's agency
 * (empty: the competent agency, or the receiving desk's for the receipt and the return) and its share of the allowed working time. The first step is the
 * desk's receipt (done at intake); a process needs a leader step to decide.
 */
export function planSteps(definitions: readonly ProcessStepDefinition[], competentAgencyId: string, totalAllowedMs: number, receivingAgencyId: string): StepPlan[] {
  const source = definitions.length > 0 ? definitions : DEFAULT_PROCESS;
  const errors: { field: string; message: string }[] = [];
  source.forEach((step, index) => {
    if (!isStepRole(step.role)) errors.push({ field: `internalProcess[${index}].role`, message: `unknown role ${JSON.stringify(step.role)}` });
    if (!(step.share > 0)) errors.push({ field: `internalProcess[${index}].share`, message: 'must be above 0' });
  });
  if (!source.some((step) => step.role === 'leader')) errors.push({ field: 'internalProcess', message: 'no leader step decides the dossier' });
  if (errors.length > 0) throw new ProcessingError(ProcessingErrorCode.InvalidAction, 'The internal process of the procedure version cannot run', { errors });
  const shareSum = source.reduce((sum, step) => sum + step.share, 0);
  const last = source.length - 1;
  const steps: StepPlan[] = source.map((step, index) => ({
    name: step.name,
    role: step.role as StepRole,
    agencyId: step.agencyId || (deskStepAtReceivingDesk(step, index, last) ? receivingAgencyId : competentAgencyId),
    handsOver: step.handsOver,
    allowedMs: Math.round((step.share / shareSum) * totalAllowedMs),
  }));
  // A dossier always comes in and goes back through a desk: a process that does not start (end)
  // there gets the receipt (return) step, with no time of its own.
  if (steps[0].role !== 'desk_officer') {
    steps.unshift({ name: RECEIPT_STEP_NAME, role: 'desk_officer', agencyId: receivingAgencyId, handsOver: false, allowedMs: 0 });
  }
  if (steps[steps.length - 1].role !== 'desk_officer') {
    steps.push({ name: RETURN_STEP_NAME, role: 'desk_officer', agencyId: receivingAgencyId, handsOver: false, allowedMs: 0 });
  }
  return steps;
}

/**
 * The receipt (first step) and the return of the result (last step) at a desk happen where the
 * dossier was received: a location-independent dossier goes back to the desk that took it.
 */
function deskStepAtReceivingDesk(step: ProcessStepDefinition, index: number, last: number): boolean {
  return step.role === 'desk_officer' && (index === 0 || index === last);
}

/** The step whose approval is the dossier's decision: the last leader step. */
export function decisionStepIndex(steps: readonly StepPlan[]): number {
  for (let index = steps.length - 1; index >= 0; index -= 1) if (steps[index].role === 'leader') return index;
  return -1;
}
