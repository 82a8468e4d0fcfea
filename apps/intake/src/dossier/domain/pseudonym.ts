import { createHmac } from 'node:crypto';

/**
 * The per-tenant pseudonym that stands for an applicant in events and analytics: the same
 * person gets the same pseudonym within a tenant, and different ones across tenants.
 * Without the key it cannot be reversed or recomputed from a CCCD.
 */
export function applicantPseudonym(key: string, tenantId: string, citizenId: string): string {
  return createHmac('sha256', key).update(`${tenantId}\u0000${citizenId}`).digest('hex');
}
