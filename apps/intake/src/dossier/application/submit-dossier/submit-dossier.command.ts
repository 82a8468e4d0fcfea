import { createHash } from 'node:crypto';
import { FieldError } from '@motcua/domain-kernel';
import { ApplicantKind, Channel, checkSubmissionShape, emptyApplicant, normalizeApplicant, Submission } from '../../domain/dossier';
import { IntakeError, IntakeErrorCode } from '../../domain/intake.errors';

interface ApplicantInput {
  fullName?: string | null;
  citizenId?: string | null;
  kind?: string | null;
  dateOfBirth?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  unitCode?: string | null;
  taxCode?: string | null;
}

interface SubmitDossierInput {
  procedureId?: string | null;
  channel?: string | null;
  applicant?: ApplicantInput | null;
  components?: { componentCode?: string | null; fileReference?: string | null }[] | null;
  idempotencyKey?: string | null;
  deskId?: string | null;
  applicantSubject?: string | null;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

/** How the dossier came in: the applicant online, or an officer at a desk (in person or by post). */
export type SubmissionMode = { by: 'applicant' } | { by: 'desk'; deskId: string; applicantSubject: string };

/** A submission whose formats are checked (INVALID_ARGUMENT with every field at once). */
export class SubmitDossierCommand {
  private constructor(
    readonly submission: Submission,
    readonly mode: SubmissionMode,
    readonly idempotencyKey: string | null,
    /** SHA-256 of the normalized request: a key reused for another request is refused. */
    readonly fingerprint: string,
  ) {}

  /** The applicant online (the gateway's SubmitDossier): channel "online" (empty: online). */
  static create(input: SubmitDossierInput, today: Date): SubmitDossierCommand {
    return SubmitDossierCommand.build({ ...input, channel: input.channel || 'online' }, ['online'], { by: 'applicant' }, today);
  }

  /** A desk officer: channel "desk" or "postal". */
  static atDesk(input: SubmitDossierInput, today: Date): SubmitDossierCommand {
    return SubmitDossierCommand.build(input, ['desk', 'postal'], { by: 'desk', deskId: input.deskId ?? '', applicantSubject: input.applicantSubject ?? '' }, today);
  }

  private static build(input: SubmitDossierInput, channels: Channel[], mode: SubmissionMode, today: Date): SubmitDossierCommand {
    const applicantInput = input.applicant ?? {};
    const kind = (applicantInput.kind || 'person') as ApplicantKind;
    const applicant = normalizeApplicant({
      ...emptyApplicant(),
      kind,
      fullName: applicantInput.fullName ?? '',
      citizenId: applicantInput.citizenId ?? '',
      taxCode: applicantInput.taxCode ?? '',
      dateOfBirth: applicantInput.dateOfBirth ?? '',
      phone: applicantInput.phone ?? '',
      email: applicantInput.email ?? '',
      address: applicantInput.address ?? '',
      unitCode: applicantInput.unitCode ?? '',
    });
    const submission: Submission = {
      procedureId: input.procedureId ?? '',
      channel: input.channel ?? '',
      applicant,
      components: (input.components ?? []).map((c) => ({ componentCode: c.componentCode ?? '', fileReference: c.fileReference ?? '' })),
    };
    const keyErrors: FieldError[] = [];
    const key = input.idempotencyKey || null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) keyErrors.push({ field: 'idempotencyKey', message: '8–128 visible ASCII characters' });
    try {
      checkSubmissionShape(submission, today, channels);
    } catch (error) {
      if (error instanceof IntakeError && keyErrors.length) {
        throw new IntakeError(IntakeErrorCode.InvalidSubmission, 'The submission is invalid', { errors: [...(error.details.errors ?? []), ...keyErrors] });
      }
      throw error;
    }
    if (keyErrors.length) throw new IntakeError(IntakeErrorCode.InvalidSubmission, 'The submission is invalid', { errors: keyErrors });
    const fingerprint = createHash('sha256').update(JSON.stringify({ submission, mode })).digest('hex');
    return new SubmitDossierCommand(submission, mode, key, fingerprint);
  }
}
