import { z } from 'zod';
import { defineEvent } from '../registry';
import { Topics } from '../topics';

/**
 * The gateway recorded an authenticated write (who, with which roles, what, when, from where,
 * with what outcome) for the tenant admin's audit log. The tenant is the envelope's; a
 * national act (onboarding) belongs to the tenant it created. No request or answer bodies:
 * the actor is the token's opaque subject. Read by the tenants service only, never by
 * analytics: the client IP and user agent are kept for the tenant's audit, nothing else.
 */
export const AuditRecordedV1 = defineEvent(
  'audit.recorded',
  1,
  Topics.audit,
  z.strictObject({
    auditId: z.uuid().describe('Id of the audit entry (also the CloudEvents id and subject)'),
    occurredAt: z.iso.datetime({ offset: true }).describe('RFC 3339 instant the gateway answered'),
    actorSubject: z.string().min(1).max(255).describe("The token's opaque `sub`"),
    actorRoles: z.array(z.string().regex(/^[a-z_]{1,40}$/)).max(16).describe('Roles the token granted'),
    method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
    route: z
      .string()
      .regex(/^\/[\w/:.-]{0,200}$/)
      .describe('Route pattern, e.g. "/v1/dossiers/:id" (ids stay out of it)'),
    resourceId: z.string().min(1).max(100).nullable().describe('Id of the resource the answer names; null when none'),
    status: z.int().min(100).max(599).describe('HTTP status of the answer; 499 when the client left before it'),
    replayed: z.boolean().describe('The answer was a stored one (Idempotency-Key retry)'),
    clientIp: z.union([z.ipv4(), z.ipv6()]).nullable().describe('Client IP as the gateway saw it (after trusted proxies)'),
    userAgent: z.string().max(256).nullable(),
    traceId: z.string().regex(/^[0-9a-f]{32}$/),
  }),
);
