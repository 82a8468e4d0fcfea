import { checkComponents, checkSubmissionShape, Dossier, emptyApplicant, markInProcessing, newDossier, receive, refuse, requestSupplement, resubmit, Submission, withdraw } from './dossier';
import { IntakeError, IntakeErrorCode } from './intake.errors';

const today = new Date('2026-11-26T03:00:00Z');
const procedure = {
  id: '2a0c8a1e-3c1c-4c39-9a55-9a2f3f6d0b11',
  versionId: '2a0c8a1e-3c1c-4c39-9a55-9a2f3f6d0b12',
  code: '1.001193',
  agencyId: '000.00.17.H33',
  components: [
    { code: 'TK01', mandatory: true },
    { code: 'GCS', mandatory: true },
    { code: 'UQ', mandatory: false },
  ],
};
const submission: Submission = {
  procedureId: procedure.id,
  channel: 'online',
  applicant: { ...emptyApplicant(), fullName: 'Nguyễn Văn A', citizenId: '033099001234', dateOfBirth: '1999-05-01', phone: '0912345678' },
  components: [
    { componentCode: 'TK01', fileReference: 'file:1' },
    { componentCode: 'GCS', fileReference: 'file:2' },
  ],
};

function errorOf(fn: () => void): IntakeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IntakeError) return error;
    throw error;
  }
  throw new Error('expected an IntakeError');
}

describe('submission checks', () => {
  it('accepts a complete, well-formed submission', () => {
    expect(() => checkSubmissionShape(submission, today)).not.toThrow();
    expect(() => checkComponents(submission, procedure)).not.toThrow();
  });

  it('lists every malformed field', () => {
    const error = errorOf(() =>
      checkSubmissionShape({ ...submission, procedureId: 'x', channel: 'fax', applicant: { ...emptyApplicant(), fullName: '', citizenId: '12' } }, today),
    );
    expect(error.code).toBe(IntakeErrorCode.InvalidSubmission);
    expect(error.details.errors?.map((e) => e.field)).toEqual(['procedureId', 'channel', 'applicant.fullName', 'applicant.citizenId']);
  });

  it('names missing, unknown and repeated components together', () => {
    const error = errorOf(() =>
      checkComponents(
        {
          ...submission,
          components: [
            { componentCode: 'TK01', fileReference: 'a' },
            { componentCode: 'TK01', fileReference: 'b' },
            { componentCode: 'XX', fileReference: 'c' },
          ],
        },
        procedure,
      ),
    );
    expect(error.code).toBe(IntakeErrorCode.DossierIncomplete);
    expect(error.details).toEqual({ missing: ['GCS'], unknown: ['XX'], duplicated: ['TK01'] });
  });
});

function make(): Dossier {
  return newDossier({ id: 'd1', submission, procedure, competentAgencyId: '000.00.17.H33', intakeAgencyId: '000.00.17.H33', submissionDeskId: null, submittedBy: 'citizen-1', now: today });
}

describe('applicants', () => {
  it('checks an organization by its tax code and refuses personal fields on it', () => {
    const organization = { ...emptyApplicant(), kind: 'organization' as const, fullName: 'Công ty TNHH Hưng Phát', taxCode: '0100109107', dateOfBirth: '1990-01-01' };
    const error = errorOf(() => checkSubmissionShape({ ...submission, applicant: organization }, today));
    expect(error.details.errors?.map((e) => e.field)).toEqual(['applicant.taxCode', 'applicant.dateOfBirth']);
    expect(() => checkSubmissionShape({ ...submission, applicant: { ...organization, taxCode: '0100109106-001', dateOfBirth: '' } }, today)).not.toThrow();
  });

  it('checks the date of birth against the CCCD, the phone and the e-mail', () => {
    const error = errorOf(() =>
      checkSubmissionShape({ ...submission, applicant: { ...submission.applicant, dateOfBirth: '1998-05-01', phone: '12345', email: 'nobody' } }, today),
    );
    expect(error.details.errors?.map((e) => e.field)).toEqual(['applicant.dateOfBirth', 'applicant.phone', 'applicant.email']);
  });
});

describe('desk decisions', () => {
  const at = new Date('2026-11-26T04:00:00Z');
  const receipt = {
    code: '000.00.01.H33-261126-0001',
    receivingAgencyId: '000.00.01.H33',
    receivingDeskId: 'Q01',
    competentAgencyId: '000.00.17.H33',
    at,
    appointmentAt: new Date('2026-12-01T10:00:00Z'),
    appointmentLocalDate: '2026-12-01',
    fees: [],
    feesTotal: 0,
  };

  it('receives with a code, both agencies and the appointment', () => {
    expect(receive(make(), receipt)).toMatchObject({ status: 'received', code: receipt.code, receivingAgencyId: '000.00.01.H33', agencyId: '000.00.17.H33', receivedAt: at });
  });

  it('lists every missing item once; a second request is refused', () => {
    expect(errorOf(() => requestSupplement(make(), [], at)).code).toBe(IntakeErrorCode.InvalidDecision);
    const asked = requestSupplement(make(), [{ componentCode: 'GCS', reason: 'Bản chụp không rõ' }], at);
    expect(asked).toMatchObject({ status: 'supplement_requested', supplementRequests: 1 });
    const again = resubmit(asked, submission.components, procedure, at);
    expect(again.status).toBe('resubmitted');
    expect(errorOf(() => requestSupplement(again, [{ componentCode: 'GCS', reason: 'Lại thiếu' }], at)).code).toBe(IntakeErrorCode.InvalidTransition);
    expect(errorOf(() => resubmit(asked, [{ componentCode: 'TK01', fileReference: 'x' }], procedure, at)).code).toBe(IntakeErrorCode.DossierIncomplete);
  });

  it('refuses only with reasons, and a refused dossier cannot be withdrawn', () => {
    expect(errorOf(() => refuse(make(), [], at)).code).toBe(IntakeErrorCode.InvalidDecision);
    const refused = refuse(make(), ['Không thuộc thẩm quyền giải quyết'], at);
    expect(refused.status).toBe('refused');
    expect(errorOf(() => withdraw(refused, at)).code).toBe(IntakeErrorCode.InvalidTransition);
    expect(withdraw(receive(make(), receipt), at).status).toBe('withdrawn');
  });
});

describe('dossier status', () => {
  it('moves from received to in processing once; a dossier not yet received does not move', () => {
    const dossier = make();
    const later = new Date(today.getTime() + 1000);
    expect(markInProcessing(dossier, later)).toBeNull();
    const received = receive(dossier, {
      code: '000.00.01.H33-261126-0001',
      receivingAgencyId: '000.00.01.H33',
      receivingDeskId: 'Q01',
      competentAgencyId: '000.00.17.H33',
      at: later,
      appointmentAt: new Date('2026-12-01T10:00:00Z'),
      appointmentLocalDate: '2026-12-01',
      fees: [],
      feesTotal: 0,
    });
    const moved = markInProcessing(received, later);
    if (!moved) throw new Error('expected the dossier to move');
    expect(moved).toMatchObject({ status: 'in_processing', updatedAt: later });
    expect(markInProcessing(moved, later)).toBeNull();
  });
});
