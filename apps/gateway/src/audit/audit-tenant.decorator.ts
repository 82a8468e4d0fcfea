import { SetMetadata } from '@nestjs/common';

export const AUDIT_TENANT_FROM_ANSWER = 'motcua:gateway:audit-tenant-from-answer';

/**
 * A national write (no tenant in the request) is recorded in the audit log of the tenant its
 * answer names in `field`: onboarding a province belongs to that province's log.
 */
export const AuditTenantFromAnswer = (field: string): MethodDecorator => SetMetadata(AUDIT_TENANT_FROM_ANSWER, field);
