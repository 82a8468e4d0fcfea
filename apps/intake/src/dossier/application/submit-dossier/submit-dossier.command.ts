import { checkSubmissionShape, Submission } from '../../domain/dossier';

interface SubmitDossierInput {
  procedureId?: string | null;
  channel?: string | null;
  applicant?: { fullName?: string | null; citizenId?: string | null } | null;
  components?: { componentCode?: string | null; fileReference?: string | null }[] | null;
}

/** A submission whose formats are checked (INVALID_ARGUMENT with every field at once). */
export class SubmitDossierCommand {
  private constructor(readonly submission: Submission) {}

  static create(input: SubmitDossierInput, today: Date): SubmitDossierCommand {
    const submission: Submission = {
      procedureId: input.procedureId ?? '',
      channel: input.channel ?? '',
      applicant: { fullName: input.applicant?.fullName ?? '', citizenId: input.applicant?.citizenId ?? '' },
      components: (input.components ?? []).map((c) => ({ componentCode: c.componentCode ?? '', fileReference: c.fileReference ?? '' })),
    };
    checkSubmissionShape(submission, today);
    return new SubmitDossierCommand(submission);
  }
}
