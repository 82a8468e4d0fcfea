import { ProcessStepDefinition } from './process-plan';
import { ProcessingErrorCode } from './processing.errors';
import { punctualityFigures, punctualityOf } from './punctuality';
import { replay } from './workflow';
import {
  Actor,
  apologyChange,
  approveChange,
  claimChange,
  completeChange,
  onTheSpotChange,
  pauseChange,
  refuseChange,
  resumeChange,
  returnResultChange,
  sendBackChange,
  SYSTEM,
  timerChange,
} from './workflow-commands';
import { at, COMMUNE, History, openInput, testClock } from '../testing/workflow-fixtures';

const clock = testClock;
const DEPARTMENT = '000.00.12.H33';
const specialist: Actor = { subject: 'spec-1', roles: ['specialist'], agencyId: COMMUNE, deskIds: [] };
const otherSpecialist: Actor = { ...specialist, subject: 'spec-2' };
const leader: Actor = { subject: 'lead-1', roles: ['leader'], agencyId: COMMUNE, deskIds: [] };
const desk: Actor = { subject: 'desk-1', roles: ['desk_officer'], agencyId: COMMUNE, deskIds: ['H33-X12250-BPMC'] };
const deptSpecialist: Actor = { subject: 'dept-spec', roles: ['specialist'], agencyId: DEPARTMENT, deskIds: [] };
const deptLeader: Actor = { subject: 'dept-lead', roles: ['leader'], agencyId: DEPARTMENT, deskIds: [] };

const opening = openInput;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('workflow', () => {
  it('opens at the first processing step, with the step shares of the allowed working time', () => {
    const { workflow } = new History(opening());
    expect(workflow.status).toBe('in_progress');
    expect(workflow.currentStep).toBe(1);
    const total = clock.workingTimeBetween(at('2026-02-13T10:00'), at('2026-02-25T17:00'));
    expect(workflow.steps.map((s) => s.allowedMs)).toEqual([0.1, 0.5, 0.3, 0.1].map((share) => Math.round(share * total)));
    expect(workflow.steps.every((s) => s.agencyId === COMMUNE)).toBe(true);
    // due soon one working day before the deadline: the end of Tuesday 24 Feb
    expect(workflow.dueSoonAt).toEqual(at('2026-02-24T17:00'));
  });

  it('runs a commune procedure to its returned result, and the history rebuilds the state', () => {
    const history = new History(opening());
    history.apply(specialist, at('2026-02-23T08:00'), claimChange(history.workflow, specialist));
    history.apply(specialist, at('2026-02-23T15:00'), completeChange(history.workflow, specialist, 'đủ điều kiện', clock, at('2026-02-23T15:00')));
    expect(history.workflow.currentStep).toBe(2);
    history.apply(leader, at('2026-02-24T09:00'), approveChange(history.workflow, leader, '', 'b'.repeat(8), clock, at('2026-02-24T09:00')));
    expect(history.workflow).toMatchObject({ status: 'decided', decision: 'approved', currentStep: 3 });
    history.apply(desk, at('2026-02-24T10:00'), returnResultChange(history.workflow, desk, 'desk', '', clock, at('2026-02-24T10:00')));
    expect(history.workflow).toMatchObject({ status: 'returned', returnChannel: 'desk', version: 5 });
    expect(replay(history.actions)).toEqual(history.workflow);
    expect(punctualityOf(history.workflow, at('2026-03-30T10:00'))).toBe('finished_on_time');
  });

  it('records time taken against time allowed for each step', () => {
    const history = new History(opening());
    const change = completeChange(history.workflow, specialist, '', clock, at('2026-02-23T09:30'));
    // Fri 10:00–11:30 and 13:30–17:00, then Mon 07:30–09:30: 5 h + 2 h of working time.
    expect(change).toMatchObject({ kind: 'completed', from: 1, takenMs: 7 * 3_600_000, allowedMs: history.workflow.steps[1].allowedMs });
  });

  it('refuses actions that are not for this state or this user', () => {
    const history = new History(opening());
    expect(codeOf(() => approveChange(history.workflow, leader, '', 'r', clock, at('2026-02-23T09:00')))).toBe(ProcessingErrorCode.ActionNotAllowed);
    expect(codeOf(() => completeChange(history.workflow, leader, '', clock, at('2026-02-23T09:00')))).toBe(ProcessingErrorCode.NotYourTask);
    expect(codeOf(() => completeChange(history.workflow, deptSpecialist, '', clock, at('2026-02-23T09:00')))).toBe(ProcessingErrorCode.NotYourTask);
    expect(codeOf(() => returnResultChange(history.workflow, desk, 'desk', '', clock, at('2026-02-23T09:00')))).toBe(ProcessingErrorCode.ActionNotAllowed);
    history.apply(specialist, at('2026-02-23T08:00'), claimChange(history.workflow, specialist));
    expect(codeOf(() => completeChange(history.workflow, otherSpecialist, '', clock, at('2026-02-23T09:00')))).toBe(ProcessingErrorCode.NotYourTask);
    expect(codeOf(() => sendBackChange(history.workflow, specialist, 1, 'x', clock, at('2026-02-23T09:00')))).toBe(ProcessingErrorCode.InvalidAction);
    history.apply(specialist, at('2026-02-23T09:00'), pauseChange(history.workflow, specialist, 'supplement', ['Bản sao giấy chứng sinh không rõ']));
    expect(codeOf(() => completeChange(history.workflow, specialist, '', clock, at('2026-02-23T10:00')))).toBe(ProcessingErrorCode.ActionNotAllowed);
    expect(codeOf(() => pauseChange(history.workflow, specialist, 'supplement', ['x']))).toBe(ProcessingErrorCode.ActionNotAllowed);
    expect(codeOf(() => refuseChange(history.workflow, leader, [' '], 'r', clock, at('2026-02-23T10:00')))).toBe(ProcessingErrorCode.ActionNotAllowed);
  });

  it('a supplement pause moves the appointment and the deadline by exactly the paused working time', () => {
    const history = new History(opening());
    const pausedAt = at('2026-02-23T09:00');
    const resumedAt = at('2026-02-25T10:00');
    history.apply(specialist, pausedAt, pauseChange(history.workflow, specialist, 'supplement', ['Tờ khai thiếu chữ ký']));
    const before = history.workflow;
    history.apply(desk, resumedAt, resumeChange(history.workflow, 'đã bổ sung', clock, resumedAt));
    // Mon 09:00–17:00 (6 h), Tue (7.5 h), Wed 07:30–10:00 (2.5 h)
    expect(history.workflow.pausedMs).toBe(16 * 3_600_000);
    expect(clock.workingTimeBetween(before.appointmentAt, history.workflow.appointmentAt)).toBe(16 * 3_600_000);
    expect(clock.workingTimeBetween(before.deadlineAt, history.workflow.deadlineAt)).toBe(16 * 3_600_000);
    // Wed 17:00 + 16 h: Thursday and Friday (15 h), then the first hour of Monday 2 March.
    expect(history.workflow.appointmentAt).toEqual(at('2026-03-02T08:30'));
    expect(history.workflow.status).toBe('in_progress');
    // The step is not charged for the pause.
    const change = completeChange(history.workflow, specialist, '', clock, at('2026-02-25T11:00'));
    expect(change).toMatchObject({ takenMs: 5 * 3_600_000 + 1.5 * 3_600_000 + 3_600_000 });
  });

  it('hands the dossier over between agencies and levels, recording who sent it', () => {
    const interAgency: ProcessStepDefinition[] = [
      { name: 'Tiếp nhận', role: 'desk_officer', agencyId: '', share: 0.05, handsOver: false },
      { name: 'Xác nhận', role: 'specialist', agencyId: '', share: 0.3, handsOver: true },
      { name: 'Thẩm định', role: 'specialist', agencyId: DEPARTMENT, share: 0.4, handsOver: false },
      { name: 'Ký', role: 'leader', agencyId: DEPARTMENT, share: 0.2, handsOver: false },
      { name: 'Trả kết quả', role: 'desk_officer', agencyId: '', share: 0.05, handsOver: false },
    ];
    const history = new History(opening({ internalProcess: interAgency, appointmentAt: at('2026-03-13T17:00') }));
    const sent = completeChange(history.workflow, specialist, '', clock, at('2026-02-23T10:00'));
    expect(sent).toMatchObject({ kind: 'completed', to: 2, handover: { fromAgencyId: COMMUNE, toAgencyId: DEPARTMENT } });
    history.apply(specialist, at('2026-02-23T10:00'), sent);
    expect(codeOf(() => claimChange(history.workflow, specialist))).toBe(ProcessingErrorCode.NotYourTask);
    history.apply(deptSpecialist, at('2026-02-24T08:00'), claimChange(history.workflow, deptSpecialist));
    history.apply(deptSpecialist, at('2026-02-26T08:00'), completeChange(history.workflow, deptSpecialist, '', clock, at('2026-02-26T08:00')));
    history.apply(deptLeader, at('2026-02-27T08:00'), refuseChange(history.workflow, deptLeader, ['Không đủ điều kiện tách thửa'], 'r-1', clock, at('2026-02-27T08:00')));
    expect(history.workflow).toMatchObject({ status: 'decided', decision: 'refused', currentStep: 4 });
    // The result returns at the receiving commune desk.
    expect(history.workflow.steps[4].agencyId).toBe(COMMUNE);
    history.apply(desk, at('2026-02-27T09:00'), returnResultChange(history.workflow, desk, 'postal', '', clock, at('2026-02-27T09:00')));
    expect(replay(history.actions)).toEqual(history.workflow);
  });

  it('works the steps after the decision (police registration, social insurance) before the return', () => {
    const POLICE = '000.24.11.G01';
    const INSURANCE = '000.11.33.G22';
    const birthWithResidence: ProcessStepDefinition[] = [
      { name: 'Tiếp nhận', role: 'desk_officer', agencyId: '', share: 0.05, handsOver: false },
      { name: 'Đăng ký khai sinh', role: 'specialist', agencyId: '', share: 0.25, handsOver: false },
      { name: 'Chủ tịch ký', role: 'leader', agencyId: '', share: 0.1, handsOver: true },
      { name: 'Đăng ký thường trú', role: 'specialist', agencyId: POLICE, share: 0.3, handsOver: true },
      { name: 'Cấp thẻ BHYT', role: 'specialist', agencyId: INSURANCE, share: 0.25, handsOver: true },
      { name: 'Trả kết quả', role: 'desk_officer', agencyId: '', share: 0.05, handsOver: false },
    ];
    const police: Actor = { subject: 'police-1', roles: ['specialist'], agencyId: POLICE, deskIds: [] };
    const insurance: Actor = { subject: 'bhxh-1', roles: ['specialist'], agencyId: INSURANCE, deskIds: [] };
    const history = new History(opening({ internalProcess: birthWithResidence, appointmentAt: at('2026-03-06T17:00') }));
    history.apply(specialist, at('2026-02-23T09:00'), completeChange(history.workflow, specialist, '', clock, at('2026-02-23T09:00')));
    history.apply(leader, at('2026-02-23T10:00'), approveChange(history.workflow, leader, '', 'r-1', clock, at('2026-02-23T10:00')));
    expect(history.workflow).toMatchObject({ status: 'decided', decision: 'approved', currentStep: 3 });
    history.apply(police, at('2026-02-23T11:00'), claimChange(history.workflow, police));
    const sent = completeChange(history.workflow, police, '', clock, at('2026-02-24T09:00'));
    expect(sent).toMatchObject({ handover: { fromAgencyId: POLICE, toAgencyId: INSURANCE } });
    history.apply(police, at('2026-02-24T09:00'), sent);
    expect(codeOf(() => returnResultChange(history.workflow, desk, 'desk', '', clock, at('2026-02-24T10:00')))).toBe(ProcessingErrorCode.ActionNotAllowed);
    history.apply(insurance, at('2026-02-24T10:00'), completeChange(history.workflow, insurance, '', clock, at('2026-02-24T10:00')));
    history.apply(desk, at('2026-02-24T11:00'), returnResultChange(history.workflow, desk, 'desk', '', clock, at('2026-02-24T11:00')));
    expect(history.workflow).toMatchObject({ status: 'returned', decision: 'approved' });
    expect(replay(history.actions)).toEqual(history.workflow);
  });

  it('adds the receipt and the return at the receiving desk to a process that lacks them', () => {
    const endsWithLeader: ProcessStepDefinition[] = [
      { name: 'Thẩm định', role: 'specialist', agencyId: '', share: 0.6, handsOver: false },
      { name: 'Ký', role: 'leader', agencyId: '', share: 0.4, handsOver: false },
    ];
    const { workflow } = new History(opening({ internalProcess: endsWithLeader, receivingAgencyId: '000.00.17.H33' }));
    expect(workflow.currentStep).toBe(1);
    expect(workflow.steps.map((step) => [step.role, step.agencyId])).toEqual([
      ['desk_officer', '000.00.17.H33'],
      ['specialist', COMMUNE],
      ['leader', COMMUNE],
      ['desk_officer', '000.00.17.H33'],
    ]);
  });

  it('the scheduler marks a dossier due soon and overdue once, and not while paused', () => {
    const history = new History(opening());
    expect(timerChange(history.workflow, 'due_soon', at('2026-02-24T16:59'))).toBeNull();
    const dueSoon = timerChange(history.workflow, 'due_soon', at('2026-02-24T17:00'));
    expect(dueSoon).toMatchObject({ kind: 'due_soon' });
    history.apply(SYSTEM, at('2026-02-24T17:00'), dueSoon as NonNullable<typeof dueSoon>);
    expect(timerChange(history.workflow, 'due_soon', at('2026-02-24T17:01'))).toBeNull();
    expect(timerChange(history.workflow, 'overdue', at('2026-02-25T17:00'))).toBeNull();
    expect(timerChange(history.workflow, 'overdue', at('2026-02-26T07:30'))).toMatchObject({ kind: 'overdue' });
    history.apply(specialist, at('2026-02-25T09:00'), pauseChange(history.workflow, specialist, 'payment', []));
    expect(timerChange(history.workflow, 'overdue', at('2026-02-26T07:30'))).toBeNull();
  });

  it('the agency holding a late dossier apologises once with a later appointment', () => {
    const history = new History(opening());
    const newAppointment = at('2026-03-03T17:00');
    expect(codeOf(() => apologyChange(history.workflow, specialist, 'Chờ xác minh', newAppointment, at('2026-02-23T09:00')))).toBe(ProcessingErrorCode.ApologyNotDue);
    history.apply(SYSTEM, at('2026-02-24T17:00'), { kind: 'due_soon', deadlineAt: history.workflow.deadlineAt });
    expect(codeOf(() => apologyChange(history.workflow, deptLeader, 'Chờ xác minh', newAppointment, at('2026-02-25T08:00')))).toBe(ProcessingErrorCode.NotYourTask);
    expect(codeOf(() => apologyChange(history.workflow, leader, 'Chờ xác minh', at('2026-02-25T12:00'), at('2026-02-25T08:00')))).toBe(ProcessingErrorCode.InvalidAction);
    history.apply(leader, at('2026-02-25T08:00'), apologyChange(history.workflow, leader, 'Chờ xác minh', newAppointment, at('2026-02-25T08:00')));
    expect(history.workflow.appointmentAt).toEqual(newAppointment);
    // The legal deadline does not move: the dossier still counts as late if decided after it.
    expect(history.workflow.deadlineAt).toEqual(at('2026-02-25T17:00'));
    expect(codeOf(() => apologyChange(history.workflow, leader, 'lần nữa', at('2026-03-05T17:00'), at('2026-02-26T08:00')))).toBe(ProcessingErrorCode.ApologyAlreadyIssued);
  });

  it('resolves an on-the-spot procedure at the receiving desk only', () => {
    const history = new History(opening({ onTheSpot: true }));
    expect(codeOf(() => onTheSpotChange(history.workflow, { ...desk, deskIds: ['OTHER'] }, 'r', ''))).toBe(ProcessingErrorCode.NotYourTask);
    history.apply(desk, at('2026-02-13T10:20'), onTheSpotChange(history.workflow, desk, 'r-1', 'trả ngay'));
    expect(history.workflow).toMatchObject({ status: 'returned', decision: 'approved', returnChannel: 'desk' });
    expect(codeOf(() => onTheSpotChange(new History(opening()).workflow, desk, 'r', ''))).toBe(ProcessingErrorCode.NotOnTheSpot);
  });

  it('computes on-time and overdue figures by the rules', () => {
    const deadline = at('2026-02-25T17:00');
    const base = { status: 'in_progress' as const, deadlineAt: deadline, supplementRequests: 0, pause: null, decidedAt: null };
    const now = at('2026-03-02T09:00');
    const set = [
      { ...base, status: 'returned' as const, decidedAt: at('2026-02-25T16:00') }, // finished on time
      { ...base, status: 'decided' as const, decidedAt: at('2026-02-26T08:00') }, // finished late
      { ...base, status: 'returned' as const, decidedAt: at('2026-02-20T08:00'), supplementRequests: 2 }, // twice asked: late
      { ...base, deadlineAt: at('2026-03-05T17:00') }, // in progress, on time
      { ...base }, // in progress, past the deadline
      { ...base, status: 'paused' as const, pause: { reason: 'supplement' as const, since: at('2026-02-24T09:00') } }, // clock stopped in time
      { ...base, status: 'stopped' as const }, // withdrawn: not counted
    ];
    expect(punctualityFigures(set, now)).toEqual({
      counted: 6,
      finishedOnTime: 1,
      finishedLate: 2,
      inProgressOnTime: 2,
      inProgressLate: 1,
      onTimeRate: 50,
      overdueRate: 50,
    });
  });
});
