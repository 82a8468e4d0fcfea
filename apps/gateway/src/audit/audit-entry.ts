import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import type { AuditRecordedV1, EventData } from '@motcua/contracts';
import { isTenantId } from '@motcua/tenancy';

export type AuditRecordedData = EventData<typeof AuditRecordedV1>;

export const AUDITED_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the gateway knows of an authenticated write before it is answered. */
export interface AuditPlan {
  /** The request's province; unset on national routes. */
  tenantId?: string;
  /** National routes: the answer's field naming the tenant the act belongs to (onboarding: `id`). */
  tenantFromAnswer?: string;
  actorSubject: string;
  actorRoles: readonly string[];
  method: string;
  /** Route pattern, e.g. `/v1/dossiers/:id`: ids stay out of it. */
  route: string;
  traceId: string;
  clientIp: string | undefined;
  userAgent: string | undefined;
}

export interface AuditOutcome {
  status: number;
  /** A 2xx answer's parsed JSON body, when it had one. */
  answer?: unknown;
  replayed: boolean;
  occurredAt: Date;
}

/** The status recorded for a write whose client left before the answer (nginx's convention). */
export const CLIENT_CLOSED_REQUEST = 499;

const ROLE = /^[a-z_]{1,40}$/;
const ROUTE = /^\/[\w/:.-]{0,200}$/;

function field(answer: unknown, name: string): string | undefined {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return undefined;
  const value = (answer as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length >= 1 && value.length <= 100 ? value : undefined;
}

function userAgentOf(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const printable = [...raw].filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f).join('');
  return printable.trim().slice(0, 256) || null;
}

/**
 * The audit entry of an answered write and the tenant whose log it belongs to, or undefined
 * when it belongs to none: a national act whose answer names no tenant (a refused
 * onboarding), or a refusal by the rate limit (429: a flood would flood the log too).
 * Ids, roles, the route pattern, the status, where from: never a body.
 */
export function auditEntryOf(plan: AuditPlan, outcome: AuditOutcome, auditId: string = randomUUID()): { tenantId: string; data: AuditRecordedData } | undefined {
  if (outcome.status === 429 || !AUDITED_METHODS.has(plan.method)) return undefined;
  const tenantId = plan.tenantId ?? (plan.tenantFromAnswer !== undefined ? field(outcome.answer, plan.tenantFromAnswer) : undefined);
  if (!isTenantId(tenantId)) return undefined;
  const data: AuditRecordedData = {
    auditId,
    occurredAt: outcome.occurredAt.toISOString(),
    actorSubject: plan.actorSubject,
    actorRoles: plan.actorRoles.filter((role) => ROLE.test(role)).slice(0, 16),
    method: plan.method as AuditRecordedData['method'],
    route: ROUTE.test(plan.route) ? plan.route : '/unknown',
    resourceId: field(outcome.answer, 'id') ?? null,
    status: outcome.status,
    replayed: outcome.replayed,
    clientIp: plan.clientIp !== undefined && isIP(plan.clientIp) !== 0 ? plan.clientIp : null,
    userAgent: userAgentOf(plan.userAgent),
    traceId: plan.traceId,
  };
  return { tenantId, data };
}
