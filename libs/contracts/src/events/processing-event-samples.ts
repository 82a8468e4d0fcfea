/** Valid and refused samples of the processing workflow's events, for events.spec.ts. */
const dossierId = '0190f3a2-7c4e-7b1a-8d2e-000000000077';
const resultId = '0190f3a2-7c4e-7b1a-8d2e-000000000078';
const at = '2026-02-23T03:00:00Z';
const commune = '000.24.11.H33';
const department = '000.00.12.H33';

type Samples = Record<string, { valid: Record<string, unknown>; invalid: [string, Record<string, unknown>][] }>;

function withField(valid: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  return { ...valid, [field]: value };
}

const valid: Record<string, Record<string, unknown>> = {
  'dossier.task-assigned': { dossierId, step: 1, agencyId: commune, assignee: 'spec-1', assignedBy: 'lead-1', assignedAt: at },
  'dossier.step-completed': {
    dossierId,
    fromStep: 1,
    toStep: 2,
    outcome: 'completed',
    agencyId: commune,
    toAgencyId: department,
    completedBy: 'spec-1',
    completedAt: at,
    takenMs: 7_200_000,
    allowedMs: 40_500_000,
  },
  'dossier.transferred': { dossierId, fromStep: 1, fromAgencyId: commune, toAgencyId: department, sentBy: 'spec-1', sentAt: at },
  'dossier.processing-paused': { dossierId, reason: 'supplement', agencyId: commune, itemCount: 2, pausedBy: 'spec-1', pausedAt: at },
  'dossier.processing-resumed': {
    dossierId,
    reason: 'supplement',
    pausedMs: 57_600_000,
    deadlineAt: '2026-03-02T01:30:00Z',
    appointmentAt: '2026-03-02T01:30:00Z',
    resumedBy: 'desk-1',
    resumedAt: at,
  },
  'dossier.decided': {
    dossierId,
    decision: 'approved',
    agencyId: commune,
    decidedBy: 'lead-1',
    decidedAt: at,
    deadlineAt: '2026-02-25T10:00:00Z',
    onTime: true,
    onTheSpot: false,
    resultId,
  },
  'dossier.result-returned': { dossierId, channel: 'postal', agencyId: commune, deskId: 'BPMC-01', resultId, returnedBy: 'desk-1', returnedAt: at, onTheSpot: false },
  'dossier.deadline-approached': { dossierId, agencyId: commune, deadlineAt: '2026-02-25T10:00:00Z', markedAt: at },
  'dossier.deadline-passed': { dossierId, agencyId: commune, deadlineAt: '2026-02-25T10:00:00Z', apologised: false, markedAt: at },
  'dossier.step-deadline-passed': { dossierId, step: 2, agencyId: department, stepDueAt: '2026-02-24T10:00:00Z', markedAt: at },
  'dossier.apology-issued': {
    dossierId,
    agencyId: commune,
    previousAppointmentAt: '2026-02-25T10:00:00Z',
    appointmentAt: '2026-03-03T10:00:00Z',
    issuedBy: 'lead-1',
    issuedAt: at,
  },
  'dossier.processing-stopped': { dossierId, agencyId: commune, stoppedAt: at },
};

export const PROCESSING_EVENT_SAMPLES: Samples = Object.fromEntries(
  Object.entries(valid).map(([type, sample]) => [
    type,
    {
      valid: sample,
      invalid: [
        ['a dossier id that is not a UUID', withField(sample, 'dossierId', 'HS-1')],
        ['a field the schema does not know (e.g. the applicant)', withField(sample, 'applicantSubject', 'citizen-1')],
      ],
    },
  ]),
);
