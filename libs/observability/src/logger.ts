import pino, { Logger, LoggerOptions } from 'pino';
import { tryCurrentTenant } from '@motcua/tenancy';

/**
 * Paths that may hold personal data: removed if they ever reach a log line. A safety net:
 * code logs ids and codes, never people.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.fullName',
  '*.full_name',
  '*.citizenId',
  '*.citizen_id',
  '*.phone',
  '*.email',
  '*.address',
  '*.applicant',
  '*.password',
  '*.token',
];

export function loggerOptions(service: string, level = process.env.LOG_LEVEL ?? 'info'): LoggerOptions {
  return {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Every line carries the tenant and trace of the unit of work it was written in.
    mixin() {
      const context = tryCurrentTenant();
      return context ? { tenantId: context.tenantId, traceId: context.traceId } : {};
    },
  };
}

export function createLogger(service: string, level?: string): Logger {
  return pino(loggerOptions(service, level));
}

export type { Logger };
