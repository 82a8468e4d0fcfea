import { checkComponents, checkSubmissionShape, markInProcessing, newDossier, Submission } from './dossier';
import { IntakeError, IntakeErrorCode } from './intake.errors';

const today = new Date('2026-11-26T03:00:00Z');
const procedure = {
  id: '2a0c8a1e-3c1c-4c39-9a55-9a2f3f6d0b11',
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
  applicant: { fullName: 'Nguyễn Văn A', citizenId: '033099001234' },
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
      checkSubmissionShape({ ...submission, procedureId: 'x', channel: 'fax', applicant: { fullName: '', citizenId: '12' } }, today),
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

describe('dossier status', () => {
  it('moves from submitted to in processing once', () => {
    const dossier = newDossier('d1', submission, procedure, 'citizen-1', today);
    expect(dossier.status).toBe('submitted');
    const later = new Date(today.getTime() + 1000);
    const moved = markInProcessing(dossier, later);
    if (!moved) throw new Error('expected the dossier to move');
    expect(moved).toMatchObject({ status: 'in_processing', updatedAt: later });
    expect(markInProcessing(moved, later)).toBeNull();
  });
});
