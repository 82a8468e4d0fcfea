import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ProcessingV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ZodBodyPipe, ZodQueryPipe } from '../http/zod-body.pipe';
import { ApiOperation, ApiResponseSpec } from '../openapi/api-operation.decorator';
import { resultFormat } from './results.controller';
import { ProcessingFiguresSchema, WorkflowHistorySchema, WorkflowSchema, WorklistSchema } from './workflow.schema';

const WorkflowActionBody = z.strictObject({
  action: z
    .enum(['claim', 'assign', 'complete', 'send_back', 'request_supplement', 'request_payment', 'resume', 'approve', 'refuse', 'return_result', 'apologise', 'resolve_on_the_spot'])
    .describe('What to do at the current step.'),
  expectedVersion: z.number().int().min(1).optional().describe("The workflow's `version` you acted on: a newer one gets 409 WORKFLOW_VERSION_CONFLICT."),
  note: z.string().max(2000).optional(),
  assignee: z.string().optional().describe('assign: the officer’s subject.'),
  toStep: z.number().int().optional().describe('send_back: an earlier step.'),
  reason: z.string().optional().describe('send_back, apologise.'),
  items: z.array(z.string()).optional().describe('request_supplement: everything missing, at once; request_payment: what is due.'),
  reasons: z.array(z.string()).optional().describe('refuse: required.'),
  channel: z.enum(['desk', 'online', 'postal']).optional().describe('return_result: how the result goes back (default desk).'),
  newAppointmentAt: z.string().optional().describe('apologise: the new appointment, RFC 3339.'),
});
type WorkflowActionBody = z.infer<typeof WorkflowActionBody>;

const WorklistQuery = z.strictObject({
  scope: z.enum(['mine', 'agency', 'pool']).default('mine').describe('`mine`: assigned to me; `agency`: my agency’s open tasks for my roles; `pool`: the unassigned ones.'),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
  pageToken: z.string().optional(),
});

const FiguresQuery = z.strictObject({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('First day (Vietnam date) of receipt, inclusive.'),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Last day, exclusive.'),
  agencyId: z.string().optional().describe('One agency; omit: the whole province.'),
});

const WORKFLOW_REFUSALS: Record<number, ApiResponseSpec> = {
  403: { description: 'Not a task of the caller (role, agency, assignee).', codes: ['WORKFLOW_NOT_YOUR_TASK'] },
  404: { description: 'No workflow for this dossier.', codes: ['WORKFLOW_NOT_FOUND'] },
};

@Controller('v1')
@RouteAccess({ tenant: 'required' })
@DependsOn('processing')
export class WorkflowController {
  constructor(private readonly clients: ServiceClients) {}

  @Get('dossiers/:id/workflow')
  @ApiOperation({
    summary: "A dossier's workflow: steps, current step, clocks (staff of the agencies it passes through)",
    params: { id: 'The dossier id (uuid).' },
    responses: { 200: { description: 'The workflow.', schema: WorkflowSchema }, ...WORKFLOW_REFUSALS },
  })
  workflow(@Param('id') id: string): Promise<ProcessingV1.Workflow> {
    return this.clients.processing.getWorkflow({ dossierId: id });
  }

  @Post('dossiers/:id/workflow/actions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Act on a dossier at its current step: claim, assign, complete, send back, pause for a supplement or payment, resume, approve, refuse, return the result, apologise, resolve on the spot',
    params: { id: 'The dossier id (uuid).' },
    body: WorkflowActionBody,
    responses: {
      200: { description: 'The workflow after the action.', schema: WorkflowSchema },
      400: { description: 'The action is malformed.', codes: ['WORKFLOW_ACTION_INVALID'] },
      409: {
        description: 'Another action was recorded first, or the action is not allowed in the dossier’s state.',
        codes: ['WORKFLOW_VERSION_CONFLICT', 'WORKFLOW_ACTION_NOT_ALLOWED', 'WORKFLOW_APOLOGY_ALREADY_ISSUED', 'WORKFLOW_APOLOGY_NOT_DUE', 'WORKFLOW_NOT_ON_THE_SPOT'],
      },
      ...WORKFLOW_REFUSALS,
    },
  })
  act(@Param('id') id: string, @Body(new ZodBodyPipe(WorkflowActionBody)) body: WorkflowActionBody): Promise<ProcessingV1.Workflow> {
    return this.clients.processing.actOnWorkflow({
      dossierId: id,
      action: body.action,
      expectedVersion: body.expectedVersion,
      note: body.note ?? '',
      assignee: body.assignee ?? '',
      toStep: body.toStep ?? 0,
      reason: body.reason ?? '',
      items: body.items ?? [],
      reasons: body.reasons ?? [],
      channel: body.channel ?? '',
      newAppointmentAt: body.newAppointmentAt ?? '',
    });
  }

  @Get('dossiers/:id/workflow/history')
  @ApiOperation({
    summary: "A dossier's processing history: every action (who, when, from which step to which, time taken against time allowed) and the handovers between agencies",
    params: { id: 'The dossier id (uuid).' },
    responses: { 200: { description: 'Oldest first.', schema: WorkflowHistorySchema }, ...WORKFLOW_REFUSALS },
  })
  history(@Param('id') id: string): Promise<ProcessingV1.WorkflowHistory> {
    return this.clients.processing.getWorkflowHistory({ dossierId: id });
  }

  @Get('dossiers/:id/apology-slip')
  @ApiOperation({
    summary: 'The apology slip (form 04) of a late dossier, as PDF or HTML by `Accept` (staff of the agencies it passes through)',
    description: 'The agency at fault apologises with the reason and a new appointment; `Accept: text/html` gives the printable page, otherwise the PDF.',
    params: { id: 'The dossier id (uuid).' },
    responses: {
      200: { description: 'The slip (`application/pdf` or `text/html; charset=utf-8`).', contentType: 'application/pdf', raw: { type: 'string' } },
      403: { description: 'Not staff of an agency the dossier passes through.', codes: ['ACCESS_DENIED'] },
      404: { description: 'No workflow for this dossier, or no apology was issued for it.', codes: ['WORKFLOW_NOT_FOUND', 'WORKFLOW_APOLOGY_NOT_ISSUED'] },
    },
  })
  async apologySlip(@Param('id') id: string, @Headers('accept') accept: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const slip = await this.clients.processing.getApologySlip({ dossierId: id, format: resultFormat(accept) });
    void reply.header('Content-Type', slip.contentType);
    void reply.header('Vary', 'Accept');
    void reply.header('Content-Disposition', `inline; filename="${slip.fileName.replace(/[^\w.-]/g, '_')}"`);
    return Buffer.from(slip.content);
  }

  @Get('worklist')
  @ApiOperation({
    summary: "An officer's or leader's open tasks, most urgent (overdue) first",
    query: WorklistQuery,
    responses: { 200: { description: 'A page of tasks.', schema: WorklistSchema } },
  })
  worklist(@Query(new ZodQueryPipe(WorklistQuery)) query: z.infer<typeof WorklistQuery>): Promise<ProcessingV1.ListWorklistResponse> {
    return this.clients.processing.listWorklist({ scope: query.scope, pageSize: query.pageSize ?? 0, pageToken: query.pageToken ?? '' });
  }

  @Get('statistics/processing')
  @ApiOperation({
    summary: 'On-time and overdue figures of dossiers received in a period (leaders of the agency, the tenant admin)',
    query: FiguresQuery,
    responses: { 200: { description: 'The figures.', schema: ProcessingFiguresSchema } },
  })
  figures(@Query(new ZodQueryPipe(FiguresQuery)) query: z.infer<typeof FiguresQuery>): Promise<ProcessingV1.ProcessingFigures> {
    return this.clients.processing.getProcessingFigures({ from: query.from, to: query.to, agencyId: query.agencyId ?? '' });
  }
}
