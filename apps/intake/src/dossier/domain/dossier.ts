import { FieldError } from '@motcua/domain-kernel';
import { citizenIdProblem } from './citizen-id';
import { DossierCommand, DossierState, transition } from './dossier-state';
import { localDate } from './dossier-code';
import { IntakeError, IntakeErrorCode } from './intake.errors';
import { taxCodeProblem, normalizeTaxCode } from './tax-code';

export const CHANNELS = ['online', 'desk', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** National channel codes (data, DOMAIN.md): 1 in person, 2 online, 3 postal. */
export const NATIONAL_CHANNEL_OF: Readonly<Record<Channel, 1 | 2 | 3>> = { desk: 1, online: 2, postal: 3 };

export type DossierStatus = DossierState;

export interface SubmittedComponent {
  componentCode: string;
  fileReference: string;
}

export const APPLICANT_KINDS = ['person', 'organization'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

/** The applicant's personal data (empty string: not given). Stored only in intake's applicants table. */
export interface Applicant {
  kind: ApplicantKind;
  /** A person's full name, or the organization's name. */
  fullName: string;
  citizenId: string;
  taxCode: string;
  dateOfBirth: string;
  phone: string;
  email: string;
  address: string;
  unitCode: string;
}

export interface FeeLine {
  item: string;
  itemName: string;
  kind: 'fee' | 'charge';
  type: 'base' | 'exemption' | 'discount';
  rule: string;
  amount: number;
}

export interface Dossier {
  id: string;
  procedureId: string;
  procedureCode: string;
  procedureVersionId: string | null;
  /** The competent agency that handles it. */
  agencyId: string;
  /** The agency whose desks check it (the competent agency online; the desk's agency at a desk). */
  intakeAgencyId: string;
  /** The signed-in subject who submitted it: the owner the access policy checks. */
  submittedBy: string;
  status: DossierStatus;
  channel: Channel;
  nationalChannel: 1 | 2 | 3;
  submissionDeskId: string | null;
  applicantUnitCode: string | null;
  components: SubmittedComponent[];
  submittedAt: Date;
  updatedAt: Date;
  code: string | null;
  receivingAgencyId: string | null;
  receivingDeskId: string | null;
  receivedAt: Date | null;
  appointmentAt: Date | null;
  appointmentLocalDate: string | null;
  supplementRequests: number;
  fees: FeeLine[] | null;
  feesTotal: number | null;
}

export interface ProcedureRequirements {
  id: string;
  versionId: string;
  code: string;
  /** The named competent agency; empty when resolved from the applicant's unit. */
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
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^(\+84|0)\d{9,10}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;
const UNIT_CODE = /^\d{2,5}$/;

export function emptyApplicant(): Applicant {
  return { kind: 'person', fullName: '', citizenId: '', taxCode: '', dateOfBirth: '', phone: '', email: '', address: '', unitCode: '' };
}

/** Format checks that need no other service; every problem at once. */
export function checkSubmissionShape(submission: Submission, today: Date, channels: readonly Channel[] = CHANNELS): void {
  const errors: FieldError[] = [];
  if (!UUID.test(submission.procedureId)) errors.push({ field: 'procedureId', message: 'must be a procedure id (uuid)' });
  if (!(channels as readonly string[]).includes(submission.channel)) {
    errors.push({ field: 'channel', message: `one of ${channels.join(', ')}` });
  }
  errors.push(...applicantProblems(submission.applicant, today));
  errors.push(...componentShapeProblems(submission.components));
  if (errors.length > 0) throw new IntakeError(IntakeErrorCode.InvalidSubmission, 'The submission is invalid', { errors });
}

export function componentShapeProblems(components: SubmittedComponent[]): FieldError[] {
  const errors: FieldError[] = [];
  components.forEach((component, index) => {
    if (!component.componentCode) errors.push({ field: `components[${index}].componentCode`, message: 'required' });
    if (!component.fileReference) errors.push({ field: `components[${index}].fileReference`, message: 'required' });
  });
  return errors;
}

function applicantProblems(applicant: Applicant, today: Date): FieldError[] {
  const errors: FieldError[] = [];
  const name = applicant.fullName.trim();
  if (name.length < 2 || name.length > 200) errors.push({ field: 'applicant.fullName', message: '2–200 characters' });
  if (applicant.kind === 'person') {
    const idProblem = citizenIdProblem(applicant.citizenId, today);
    if (idProblem) errors.push({ field: 'applicant.citizenId', message: citizenIdMessages[idProblem] });
    if (applicant.taxCode) errors.push({ field: 'applicant.taxCode', message: 'only for an organization' });
    if (applicant.dateOfBirth) {
      const birth = new Date(`${applicant.dateOfBirth}T00:00:00Z`);
      if (!DATE.test(applicant.dateOfBirth) || Number.isNaN(birth.getTime()) || birth.toISOString().slice(0, 10) !== applicant.dateOfBirth) {
        errors.push({ field: 'applicant.dateOfBirth', message: 'a date YYYY-MM-DD' });
      } else if (birth.getTime() > today.getTime()) {
        errors.push({ field: 'applicant.dateOfBirth', message: 'in the future' });
      } else if (!idProblem && birthYearOfCitizenId(applicant.citizenId) !== birth.getUTCFullYear()) {
        errors.push({ field: 'applicant.dateOfBirth', message: 'the year does not match the CCCD' });
      }
    }
  } else if (applicant.kind === 'organization') {
    const problem = taxCodeProblem(applicant.taxCode);
    if (problem) errors.push({ field: 'applicant.taxCode', message: taxCodeMessages[problem] });
    if (applicant.citizenId) errors.push({ field: 'applicant.citizenId', message: 'only for a person' });
    if (applicant.dateOfBirth) errors.push({ field: 'applicant.dateOfBirth', message: 'only for a person' });
  } else {
    errors.push({ field: 'applicant.kind', message: `one of ${APPLICANT_KINDS.join(', ')}` });
  }
  if (applicant.phone && !PHONE.test(applicant.phone)) errors.push({ field: 'applicant.phone', message: 'a Vietnamese phone number (0… or +84…)' });
  if (applicant.email && (applicant.email.length > 254 || !EMAIL.test(applicant.email))) errors.push({ field: 'applicant.email', message: 'an e-mail address' });
  if (applicant.address.length > 500) errors.push({ field: 'applicant.address', message: 'at most 500 characters' });
  if (applicant.unitCode && !UNIT_CODE.test(applicant.unitCode)) errors.push({ field: 'applicant.unitCode', message: 'an administrative unit code (2–5 digits)' });
  return errors;
}

const CENTURY_START: Record<string, number> = { '0': 1900, '1': 1900, '2': 2000, '3': 2000, '4': 2100, '5': 2100, '6': 2200, '7': 2200, '8': 1800, '9': 1800 };

function birthYearOfCitizenId(citizenId: string): number {
  return CENTURY_START[citizenId[3]] + Number(citizenId.slice(4, 6));
}

/** The applicant as stored: phone without spaces, tax code without the branch hyphen. */
export function normalizeApplicant(applicant: Applicant): Applicant {
  return {
    ...applicant,
    fullName: applicant.fullName.trim(),
    phone: applicant.phone.replace(/[\s.-]/g, ''),
    email: applicant.email.trim().toLowerCase(),
    address: applicant.address.trim(),
    taxCode: applicant.taxCode ? normalizeTaxCode(applicant.taxCode) : '',
  };
}

/** The identifier the pseudonym of events is derived from. */
export function applicantIdentifier(applicant: Applicant): string {
  return applicant.kind === 'person' ? applicant.citizenId : `MST:${applicant.taxCode}`;
}

const citizenIdMessages = {
  format: 'a CCCD has exactly 12 digits',
  province: 'the first 3 digits are not a province code',
  birth_year: 'the century and year digits give a birth year in the future',
} as const;

const taxCodeMessages = {
  format: 'a tax code has 10 or 13 digits',
  check_digit: 'the check digit does not match',
  branch: 'the branch number 000 is not used',
} as const;

/** The components must satisfy the procedure: every mandatory one present, none unknown, none twice. */
export function checkComponents(submission: Pick<Submission, 'components'>, procedure: Pick<ProcedureRequirements, 'components'>): void {
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

export interface NewDossierInput {
  id: string;
  submission: Submission;
  procedure: ProcedureRequirements;
  competentAgencyId: string;
  intakeAgencyId: string;
  submissionDeskId: string | null;
  submittedBy: string;
  now: Date;
}

export function newDossier(input: NewDossierInput): Dossier {
  const channel = input.submission.channel as Channel;
  return {
    id: input.id,
    procedureId: input.procedure.id,
    procedureCode: input.procedure.code,
    procedureVersionId: input.procedure.versionId,
    agencyId: input.competentAgencyId,
    intakeAgencyId: input.intakeAgencyId,
    submittedBy: input.submittedBy,
    status: 'submitted',
    channel,
    nationalChannel: NATIONAL_CHANNEL_OF[channel],
    submissionDeskId: input.submissionDeskId,
    applicantUnitCode: input.submission.applicant.unitCode || null,
    components: input.submission.components.map(({ componentCode, fileReference }) => ({ componentCode, fileReference })),
    submittedAt: input.now,
    updatedAt: input.now,
    code: null,
    receivingAgencyId: null,
    receivingDeskId: null,
    receivedAt: null,
    appointmentAt: null,
    appointmentLocalDate: null,
    supplementRequests: 0,
    fees: null,
    feesTotal: null,
  };
}

function next(dossier: Dossier, command: DossierCommand): DossierState {
  const result = transition(dossier.status, command, { supplementRequests: dossier.supplementRequests });
  if (!result.ok) {
    const code = result.reason === 'supplement_already_requested' ? IntakeErrorCode.SupplementAlreadyRequested : IntakeErrorCode.InvalidTransition;
    throw new IntakeError(code, `The dossier cannot be ${command.replace('_', ' ')} now`, { status: dossier.status, command });
  }
  return result.to;
}

/** Whether the dossier waits for a desk officer's check. */
export function awaitingCheck(dossier: Dossier): boolean {
  return dossier.status === 'submitted' || dossier.status === 'resubmitted';
}

/** Throws unless `command` is allowed now (before any I/O at the catalogue). */
export function assertAllowed(dossier: Dossier, command: DossierCommand): void {
  next(dossier, command);
}

export interface Receipt {
  code: string;
  receivingAgencyId: string;
  receivingDeskId: string;
  competentAgencyId: string;
  at: Date;
  appointmentAt: Date;
  appointmentLocalDate: string;
  fees: FeeLine[];
  feesTotal: number;
}

export function receive(dossier: Dossier, receipt: Receipt): Dossier {
  return {
    ...dossier,
    status: next(dossier, 'receive'),
    code: receipt.code,
    agencyId: receipt.competentAgencyId,
    receivingAgencyId: receipt.receivingAgencyId,
    receivingDeskId: receipt.receivingDeskId,
    receivedAt: receipt.at,
    appointmentAt: receipt.appointmentAt,
    appointmentLocalDate: receipt.appointmentLocalDate,
    fees: receipt.fees,
    feesTotal: receipt.feesTotal,
    updatedAt: receipt.at,
  };
}

export interface MissingItem {
  componentCode: string;
  reason: string;
}

/** Every missing or wrong item at once; only one request per dossier. The clock does not start. */
export function requestSupplement(dossier: Dossier, items: MissingItem[], at: Date): Dossier {
  const errors: FieldError[] = [];
  if (items.length === 0) errors.push({ field: 'items', message: 'list every missing or wrong item (at least one)' });
  items.forEach((item, index) => {
    const reason = item.reason.trim();
    if (reason.length < 2 || reason.length > 500) errors.push({ field: `items[${index}].reason`, message: '2–500 characters' });
  });
  if (errors.length) throw new IntakeError(IntakeErrorCode.InvalidDecision, 'The supplement request is invalid', { errors });
  return { ...dossier, status: next(dossier, 'request_supplement'), supplementRequests: dossier.supplementRequests + 1, updatedAt: at };
}

export function refuse(dossier: Dossier, reasons: string[], at: Date): Dossier {
  const errors: FieldError[] = [];
  if (reasons.length === 0) errors.push({ field: 'reasons', message: 'at least one reason' });
  reasons.forEach((reason, index) => {
    if (reason.trim().length < 2 || reason.length > 500) errors.push({ field: `reasons[${index}]`, message: '2–500 characters' });
  });
  if (errors.length) throw new IntakeError(IntakeErrorCode.InvalidDecision, 'A refusal needs its reasons', { errors });
  return { ...dossier, status: next(dossier, 'refuse'), updatedAt: at };
}

/** The applicant completes the same dossier; its components are checked again. */
export function resubmit(dossier: Dossier, components: SubmittedComponent[], procedure: Pick<ProcedureRequirements, 'components'>, at: Date): Dossier {
  const status = next(dossier, 'resubmit');
  const errors = componentShapeProblems(components);
  if (errors.length) throw new IntakeError(IntakeErrorCode.InvalidSubmission, 'The resubmission is invalid', { errors });
  checkComponents({ components }, procedure);
  return { ...dossier, status, components: components.map(({ componentCode, fileReference }) => ({ componentCode, fileReference })), updatedAt: at };
}

export function withdraw(dossier: Dossier, at: Date): Dossier {
  return { ...dossier, status: next(dossier, 'withdraw'), updatedAt: at };
}

/** Processing has taken the dossier up. Returns null when nothing changes (already in processing, or a final state). */
export type ProcessingCommand = Extract<
  DossierCommand,
  'start_processing' | 'processing_awaits_supplement' | 'processing_awaits_payment' | 'processing_resumed' | 'processing_decided' | 'result_returned'
>;

/** Processing moved the dossier: intake's view follows. Null when it does not apply (already there, or a stale event). */
export function followProcessing(dossier: Dossier, command: ProcessingCommand, at: Date): Dossier | null {
  const result = transition(dossier.status, command, { supplementRequests: dossier.supplementRequests });
  if (!result.ok) return null;
  return { ...dossier, status: result.to, updatedAt: at };
}

/** The applicant's appointment moved by processing; null when the dossier has none to move or it is the same. */
export function rescheduled(dossier: Dossier, appointmentAt: Date, at: Date): Dossier | null {
  if (!dossier.appointmentAt || dossier.appointmentAt.getTime() === appointmentAt.getTime()) return null;
  return { ...dossier, appointmentAt, appointmentLocalDate: localDate(appointmentAt), updatedAt: at };
}

export function markInProcessing(dossier: Dossier, at: Date): Dossier | null {
  return followProcessing(dossier, 'start_processing', at);
}
