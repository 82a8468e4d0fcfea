/**
 * One authenticated write the gateway answered, as the tenant admin reads it: who (the token's
 * opaque subject and roles), what (method, route pattern, the resource the answer named, the
 * status), when and from where. Never a body, never a person's data. Entries are only added.
 */
export interface AuditEntry {
  id: string;
  occurredAt: Date;
  actorSubject: string;
  actorRoles: string[];
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  resourceId: string | null;
  status: number;
  replayed: boolean;
  clientIp: string | null;
  userAgent: string | null;
  traceId: string;
}

/** Where a page of the log (newest first) resumes: after this entry. */
export interface AuditCursor {
  occurredAt: Date;
  id: string;
}
