import { FieldError } from '@motcua/domain-kernel';
import { citizenIdProblem } from './citizen-id';
import { IntakeError, IntakeErrorCode } from './intake.errors';

export const CHANNELS = ['online', 'desk', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Dossier states owned by intake; each maps to one national portal status (TrangThaiHoSo). */
export const DOSSIER_STATUSES = { submitted: 1, in_processing: 4 } as const;
export type DossierStatus = keyof typeof DOSSIER_STATUSES;

export interface SubmittedComponent {
  componentCode: string;
  fileReference: string;
}

export interface Applicant {
  fullName: string;
  citizenId: string;
}

export interface Dossier {
  id: string;
  procedureId: string;
  procedureCode: string;
  /** The competent agency that handles it. */
  agencyId: string;
  /** The signed-in subject who submitted it: the owner the access policy checks. */
  submittedBy: string;
  status: DossierStatus;
  channel: Channel;
  components: SubmittedComponent[];
  submittedAt: Date;
  updatedAt: Date;
}

export interface ProcedureRequirements {
  id: string;
  code: string;
  agencyId: string;
  components: { code: string; mandatory: boolean }[];
}

export interface Submission {
  procedureId: string;
  channel: string;
  applicant: Applicant;
  components: SubmittedComponent[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Format checks that need no other service; every problem at once. */
export function checkSubmissionShape(submission: Submission, today: Date): void {
  const errors: FieldError[] = [];
  if (!UUID.test(submission.procedureId)) errors.push({ field: 'procedureId', message: 'must be a procedure id (uuid)' });
  if (!(CHANNELS as readonly string[]).includes(submission.channel)) {
    errors.push({ field: 'channel', message: `one of ${CHANNELS.join(', ')}` });
  }
  const name = submission.applicant.fullName.trim();
  if (name.length < 2 || name.length > 200) errors.push({ field: 'applicant.fullName', message: '2–200 characters' });
  const idProblem = citizenIdProblem(submission.applicant.citizenId, today);
  if (idProblem) errors.push({ field: 'applicant.citizenId', message: citizenIdMessages[idProblem] });
  submission.components.forEach((component, index) => {
    if (!component.componentCode) errors.push({ field: `components[${index}].componentCode`, message: 'required' });
    if (!component.fileReference) errors.push({ field: `components[${index}].fileReference`, message: 'required' });
  });
  if (errors.length > 0) throw new IntakeError(IntakeErrorCode.InvalidSubmission, 'The submission is invalid', { errors });
}

const citizenIdMessages = {
  format: 'a CCCD has exactly 12 digits',
  province: 'the first 3 digits are not a province code',
  birth_year: 'the century and year digits give a birth year in the future',
} as const;

/** The components must satisfy the procedure: every mandatory one present, none unknown, none twice. */
export function checkComponents(submission: Submission, procedure: ProcedureRequirements): void {
  const known = new Set(procedure.components.map((component) => component.code));
  const given = submission.components.map((component) => component.componentCode);
  const missing = procedure.components.filter((c) => c.mandatory && !given.includes(c.code)).map((c) => c.code);
  const unknown = given.filter((code) => !known.has(code));
  const duplicated = given.filter((code, index) => given.indexOf(code) !== index);
  if (missing.length || unknown.length || duplicated.length) {
    throw new IntakeError(IntakeErrorCode.DossierIncomplete, 'The dossier does not match the procedure’s required components', {
      missing,
      unknown,
      duplicated,
    });
  }
}

export function newDossier(id: string, submission: Submission, procedure: ProcedureRequirements, submittedBy: string, now: Date): Dossier {
  return {
    id,
    procedureId: procedure.id,
    procedureCode: procedure.code,
    agencyId: procedure.agencyId,
    submittedBy,
    status: 'submitted',
    channel: submission.channel as Channel,
    components: submission.components.map(({ componentCode, fileReference }) => ({ componentCode, fileReference })),
    submittedAt: now,
    updatedAt: now,
  };
}

/** Processing has taken the dossier up. Returns null when nothing changes (already in processing). */
export function markInProcessing(dossier: Dossier, at: Date): Dossier | null {
  if (dossier.status === 'in_processing') return null;
  return { ...dossier, status: 'in_processing', updatedAt: at };
}
