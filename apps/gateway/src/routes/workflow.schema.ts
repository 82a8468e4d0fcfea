import { z } from 'zod';
import { ProcessingV1 } from '@motcua/contracts';
import { apiSchema, mirrorsContract } from '../openapi/api-schemas';
import { TaskSchema } from './contracts.schema';

const instant = () => z.string().describe('RFC 3339 instant, UTC; empty when not (yet) set.');
const workingMs = () => z.string().regex(/^\d+$/).describe('Working milliseconds (office hours of working days), as a decimal string.');

export const WorkflowSchema = apiSchema(
  'Workflow',
  mirrorsContract<ProcessingV1.Workflow>()(
    z
      .object({
        dossierId: z.string(),
        code: z.string().describe('The dossier code on the receipt.'),
        procedureCode: z.string(),
        procedureName: z.string(),
        status: z.string().describe('`in_progress`, `paused`, `decided`, `returned` or `stopped`.'),
        nationalStatus: z.number().int().describe('TrangThaiHoSo of the national portal (4 processing, 5 supplement, 6 payment, 8 stopped, 9 processed, 10 returned).'),
        currentStep: z.number().int(),
        steps: z.array(
          z.object({
            index: z.number().int(),
            name: z.string(),
            role: z.string(),
            agencyId: z.string(),
            allowedMs: workingMs(),
            handsOver: z.boolean(),
          }),
        ),
        assignee: z.string(),
        stepStartedAt: instant(),
        stepDueAt: instant(),
        receivedAt: instant(),
        deadlineAt: instant().describe('The legal deadline: the appointment plus paused working time. On time is measured against it.'),
        appointmentAt: instant().describe('What the applicant is promised now (the apology may set a new one, once).'),
        dueSoonAt: instant(),
        pausedReason: z.string().describe('`supplement`, `payment` or empty.'),
        pausedSince: instant(),
        pausedMs: workingMs(),
        supplementRequests: z.number().int(),
        apology: z.object({ issuedAt: instant(), agencyId: z.string(), previousAppointmentAt: instant() }).nullable(),
        decision: z.string().describe('`approved`, `refused` or empty.'),
        decidedAt: instant(),
        resultId: z.string(),
        returnedAt: instant(),
        returnChannel: z.string(),
        overdue: z.boolean(),
        onTheSpot: z.boolean(),
        version: z.number().int().describe('Send it back as `expectedVersion` to act on what you saw.'),
        competentAgencyId: z.string(),
        receivingAgencyId: z.string(),
        receivingDeskId: z.string(),
      })
      .describe("A dossier's workflow in processing: its internal process, where it stands, its clocks."),
  ),
);

export const WorkflowHistorySchema = apiSchema(
  'WorkflowHistory',
  mirrorsContract<ProcessingV1.WorkflowHistory>()(
    z.object({
      entries: z.array(
        z.object({
          seq: z.number().int(),
          action: z.string(),
          actor: z.string().describe('Staff subject, or `system`.'),
          actorRoles: z.array(z.string()),
          actorAgencyId: z.string(),
          fromStep: z.number().int().optional(),
          toStep: z.number().int().optional(),
          takenMs: workingMs().optional(),
          allowedMs: workingMs().optional(),
          at: instant(),
          detailsJson: z.string().describe('Every fact of the action, as JSON.'),
        }),
      ),
      handovers: z
        .array(
          z.object({
            fromStep: z.number().int(),
            fromAgencyId: z.string(),
            toAgencyId: z.string(),
            sentBy: z.string(),
            sentAt: instant(),
            receivedBy: z.string(),
            receivedAt: instant(),
          }),
        )
        .describe('The process control slip (form 06).'),
      rebuildsState: z.boolean().describe('The history alone rebuilds the stored state.'),
    }),
  ),
);

export const WorklistSchema = apiSchema(
  'Worklist',
  mirrorsContract<ProcessingV1.ListWorklistResponse>()(
    z.object({ items: z.array(TaskSchema), nextPageToken: z.string().describe('Empty on the last page.') }),
  ),
);

export const ProcessingFiguresSchema = apiSchema(
  'ProcessingFigures',
  mirrorsContract<ProcessingV1.ProcessingFigures>()(
    z.object({
      counted: z.number().int(),
      finishedOnTime: z.number().int(),
      finishedLate: z.number().int(),
      inProgressOnTime: z.number().int(),
      inProgressLate: z.number().int(),
      onTimeRate: z.number().optional().describe('Percent, two decimals; absent when nothing is counted.'),
      overdueRate: z.number().optional(),
      computedAt: instant(),
    }),
  ),
);
