import { ProcessingError, ProcessingErrorCode } from '../../workflow/domain/processing.errors';
import { Actor, apologyChange, SYSTEM } from '../../workflow/domain/workflow-commands';
import { at, COMMUNE, History, openInput } from '../../workflow/testing/workflow-fixtures';
import { apologySlipOf, issuedApology } from './apology-slip';

const leader: Actor = { subject: 'lead-1', roles: ['leader'], agencyId: COMMUNE, deskIds: [] };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ProcessingError) return error.code;
    throw error;
  }
  return undefined;
}

describe('the apology slip of a workflow', () => {
  it('refuses a dossier whose agency has not apologised (WORKFLOW_APOLOGY_NOT_ISSUED, not found)', () => {
    const history = new History(openInput());
    history.apply(SYSTEM, at('2026-02-24T17:00'), { kind: 'due_soon', deadlineAt: history.workflow.deadlineAt });
    expect(codeOf(() => issuedApology(history.workflow, history.actions))).toBe(ProcessingErrorCode.ApologyNotIssued);
    expect(new ProcessingError(ProcessingErrorCode.ApologyNotIssued, 'x').category).toBe('not_found');
  });

  it('takes the recorded apology: reason, appointments, who and when; the appointment printed is the one promised then', () => {
    const history = new History(openInput());
    history.apply(SYSTEM, at('2026-02-24T17:00'), { kind: 'due_soon', deadlineAt: history.workflow.deadlineAt });
    const newAppointment = at('2026-03-03T17:00');
    history.apply(leader, at('2026-02-25T08:00'), apologyChange(history.workflow, leader, '  Chờ xác minh  ', newAppointment, at('2026-02-25T08:00')));
    const slip = apologySlipOf(history.workflow, issuedApology(history.workflow, history.actions), 'UBND xã (000.24.11.H33)');
    expect(slip).toEqual({
      dossierId: history.workflow.dossierId,
      dossierCode: history.workflow.code,
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      agency: 'UBND xã (000.24.11.H33)',
      receivedAt: at('2026-02-13T10:00'),
      previousAppointmentAt: at('2026-02-25T17:00'),
      reason: 'Chờ xác minh',
      newAppointmentAt: newAppointment,
      issuedAt: at('2026-02-25T08:00'),
      issuedBy: 'lead-1',
    });
  });
});

