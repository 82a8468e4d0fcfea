import { SetMetadata } from '@nestjs/common';

export const IDEMPOTENCY_POLICY = 'motcua:gateway:idempotency-policy';

/**
 * Every POST honours an Idempotency-Key; `required` refuses a POST without one (400
 * IDEMPOTENCY_KEY_REQUIRED). Required where a duplicate would harm someone: a citizen's
 * dossier submitted twice (docs/adr/0005-idempotency-and-rate-limits.md).
 */
export type IdempotencyPolicy = 'optional' | 'required';

export const IdempotencyKey = (policy: IdempotencyPolicy): MethodDecorator => SetMetadata(IDEMPOTENCY_POLICY, policy);
