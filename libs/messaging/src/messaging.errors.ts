/** Why a Kafka message is not a valid MotCua event envelope. */
export enum EnvelopeErrorCode {
  HeaderMissing = 'ENVELOPE_HEADER_MISSING',
  SpecVersionUnsupported = 'ENVELOPE_SPECVERSION_UNSUPPORTED',
  ContentTypeUnsupported = 'ENVELOPE_CONTENT_TYPE_UNSUPPORTED',
  TenantMissing = 'ENVELOPE_TENANT_MISSING',
  TenantInvalid = 'ENVELOPE_TENANT_INVALID',
  ValueMissing = 'ENVELOPE_VALUE_MISSING',
  ValueNotJson = 'ENVELOPE_VALUE_NOT_JSON',
}

/** A message that can never be processed as it is: the consumer dead-letters it without retries. */
export class EnvelopeError extends Error {
  constructor(
    readonly code: EnvelopeErrorCode,
    readonly details: { header?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(`Invalid event envelope: ${code}${details.header ? ` (${details.header})` : ''}`, options);
    this.name = 'EnvelopeError';
  }
}

export class OutboxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutboxError';
  }
}

/** Outbox and inbox writes must join the caller's transaction, or they commit on their own. */
export class TransactionRequiredError extends Error {
  constructor(operation: string) {
    super(`${operation} needs the EntityManager of an open transaction (TenantTransactionRunner.run)`);
    this.name = 'TransactionRequiredError';
  }
}

/**
 * A handler's dependency is unavailable (another service down, a deadline passed): the event is
 * retried with back-off for as long as it takes, never dead-lettered, and the partition waits
 * (one aggregate's events stay in order). Throw it only for failures that time will heal.
 */
export class RetryLaterError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryLaterError';
  }
}
