import { FieldError } from '@motcua/domain-kernel';
import { isTenantId } from '@motcua/tenancy';
import { TenantsError, TenantsErrorCode } from './tenants.errors';

/** A province onboarded as a tenant: stable slug, official 2-digit code, official name. */
export interface Tenant {
  id: string;
  officialCode: string;
  name: string;
  status: 'active';
  onboardedAt: Date;
}

export interface TenantProposal {
  id: string;
  officialCode: string;
  name: string;
}

const OFFICIAL_CODE = /^\d{2}$/;

/** Checks a proposal and returns the tenant it becomes; every problem is reported at once. */
export function onboard(proposal: TenantProposal, now: Date): Tenant {
  const errors: FieldError[] = [];
  if (!isTenantId(proposal.id)) {
    errors.push({ field: 'id', message: 'lower-case letters, digits and dashes, starting with a letter, 2–40 characters' });
  }
  if (!OFFICIAL_CODE.test(proposal.officialCode)) {
    errors.push({ field: 'officialCode', message: 'the official provincial code: exactly 2 digits' });
  }
  const name = proposal.name.trim();
  if (name.length < 2 || name.length > 120) errors.push({ field: 'name', message: '2–120 characters' });
  if (errors.length > 0) {
    throw new TenantsError(TenantsErrorCode.InvalidTenant, 'The tenant proposal is invalid', { errors });
  }
  return { id: proposal.id, officialCode: proposal.officialCode, name, status: 'active', onboardedAt: now };
}
