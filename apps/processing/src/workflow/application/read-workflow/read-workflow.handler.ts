import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { vietnamInstant } from '@motcua/calendar';
import { ProcessingError, ProcessingErrorCode } from '../../domain/processing.errors';
import { punctualityFigures, PunctualityFigures } from '../../domain/punctuality';
import { replay, Workflow, WorkflowAction } from '../../domain/workflow';
import { TaskRow, WorkflowRepository } from '../../persistence/workflow.repository';
import { authorizeDossierRead } from '../authorize-dossier-read';
import { ProcessingClock } from '../processing-clock';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface HandoverRow {
  fromStep: number;
  fromAgencyId: string;
  toAgencyId: string;
  sentBy: string;
  sentAt: Date;
  receivedBy: string | null;
  receivedAt: Date | null;
}

/** The process control slip (form 06): each handover, and who at the receiving agency took the dossier and when. */
export function handoversOf(actions: readonly WorkflowAction[]): HandoverRow[] {
  const handovers: HandoverRow[] = [];
  for (const action of actions) {
    const { change } = action;
    if ((change.kind === 'completed' || change.kind === 'sent_back' || change.kind === 'approved' || change.kind === 'refused') && change.handover) {
      handovers.push({ fromStep: change.from, ...change.handover, sentBy: action.actor, sentAt: action.at, receivedBy: null, receivedAt: null });
      continue;
    }
    const open = handovers.find((handover) => handover.receivedBy === null && handover.toAgencyId === action.actorAgencyId);
    if (open && action.actor !== 'system' && change.kind !== 'opened') {
      open.receivedBy = action.actor;
      open.receivedAt = action.at;
    }
  }
  return handovers;
}

/** JSON with object keys sorted (jsonb does not keep the order keys were written in). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : field,
  );
}

/** A dossier as it stood at `at`: a decision or a pause after it had not happened yet. */
function asItStood<T extends { decidedAt: Date | null; pause: { since: Date } | null; status: string }>(row: T, at: Date): T {
  const decidedLater = row.decidedAt !== null && row.decidedAt > at;
  const pausedLater = row.pause !== null && row.pause.since > at;
  return {
    ...row,
    decidedAt: decidedLater ? null : row.decidedAt,
    status: decidedLater ? 'in_progress' : row.status,
    pause: pausedLater ? null : row.pause,
  };
}

function invalid(field: string, message: string): never {
  throw new ProcessingError(ProcessingErrorCode.InvalidAction, `The request is invalid: ${field} ${message}`, { errors: [{ field, message }] });
}

export function encodeWorklistToken(task: TaskRow): string {
  return Buffer.from(`${task.dueAt.toISOString()}|${task.id}`).toString('base64url');
}

function decodeWorklistToken(token: string): { dueAt: Date; id: string } {
  const [at, id] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  const dueAt = new Date(at ?? '');
  if (!id || !UUID.test(id) || Number.isNaN(dueAt.getTime())) invalid('pageToken', 'not a token of this list');
  return { dueAt, id };
}

/** Task roles a staff member works (clerk steps are specialists' tasks). */
const TASK_ROLES = ['desk_officer', 'specialist', 'leader'];

/** Reads of workflows for staff: state, history, tasks, worklists and on-time figures. */
@Injectable()
export class ReadWorkflowHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly workflows: WorkflowRepository,
    private readonly clock: ProcessingClock,
  ) {}

  async workflow(dossierId: string): Promise<Workflow> {
    const workflow = await this.load(dossierId);
    authorizeDossierRead(workflow);
    return workflow;
  }

  async history(dossierId: string): Promise<{ actions: WorkflowAction[]; handovers: HandoverRow[]; rebuildsState: boolean }> {
    const workflow = await this.load(dossierId);
    authorizeDossierRead(workflow);
    const actions = await this.runner.run((manager) => this.workflows.history(manager, dossierId));
    const rebuilt = replay(actions);
    return { actions, handovers: handoversOf(actions), rebuildsState: canonicalJson(rebuilt) === canonicalJson(workflow) };
  }

  async tasks(dossierId: string): Promise<TaskRow[]> {
    const workflow = UUID.test(dossierId) ? await this.runner.run((manager) => this.workflows.find(manager, dossierId)) : null;
    if (!workflow) return [];
    authorizeDossierRead(workflow);
    return this.runner.run((manager) => this.workflows.tasksOfDossier(manager, dossierId));
  }

  async worklist(input: { scope: string; pageSize: number; pageToken: string }): Promise<{ items: TaskRow[]; nextPageToken: string }> {
    const actor = currentTenant().actor;
    const roles = (actor?.roles ?? []).filter((role) => TASK_ROLES.includes(role));
    const officer = authorizeCaller(roles.includes('desk_officer') && roles.length === 1 ? 'dossier.return' : 'dossier.process', { agencyId: actor?.agencyId });
    if (!['mine', 'agency', 'pool'].includes(input.scope)) invalid('scope', 'mine, agency or pool');
    if (!Number.isInteger(input.pageSize) || input.pageSize < 0 || input.pageSize > 100) invalid('pageSize', '1–100');
    const limit = input.pageSize || 20;
    const after = input.pageToken ? decodeWorklistToken(input.pageToken) : null;
    const filter =
      input.scope === 'mine'
        ? { assignee: officer.subject }
        : { agencyId: officer.agencyId ?? '', roles: officer.roles.filter((role) => TASK_ROLES.includes(role)), unassignedOnly: input.scope === 'pool' };
    const rows = await this.runner.run((manager) => this.workflows.openTasks(manager, filter, limit + 1, after));
    const items = rows.slice(0, limit);
    return { items, nextPageToken: rows.length > limit ? encodeWorklistToken(items[items.length - 1]) : '' };
  }

  /**
   * On-time figures of the dossiers received or processed in [from, to) (Decision 766): received
   * before its end and not decided before its start, each measured as it stood at the period's
   * end (or now, for the current period) — so a past period's figures do not change later.
   */
  async figures(input: { from: string; to: string; agencyId: string }): Promise<PunctualityFigures & { computedAt: Date }> {
    const caller = currentTenant().actor;
    // A leader sees the agency's figures; the province's admin (and national analysts) any agency or all.
    const provinceWide = (caller?.roles ?? []).some((role) => role === 'tenant_admin' || role === 'national_analyst');
    const agencyId = input.agencyId || (provinceWide ? '' : (caller?.agencyId ?? ''));
    authorizeCaller('statistics.read', { agencyId: agencyId || caller?.agencyId });
    if (!ISO_DATE.test(input.from)) invalid('from', 'a date YYYY-MM-DD');
    if (!ISO_DATE.test(input.to)) invalid('to', 'a date YYYY-MM-DD');
    const from = vietnamInstant(`${input.from}T00:00`);
    const to = vietnamInstant(`${input.to}T00:00`);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from) invalid('to', 'a date after from');
    const now = this.clock.now();
    const asOf = now < to ? now : to;
    const rows = await this.runner.run((manager) => this.workflows.forFigures(manager, from, to, agencyId));
    return { ...punctualityFigures(rows.map((row) => asItStood(row, asOf)), asOf), computedAt: now };
  }

  private async load(dossierId: string): Promise<Workflow> {
    const workflow = UUID.test(dossierId) ? await this.runner.run((manager) => this.workflows.find(manager, dossierId)) : null;
    if (!workflow) throw new ProcessingError(ProcessingErrorCode.WorkflowNotFound, 'No workflow for this dossier', { dossierId });
    return workflow;
  }
}
