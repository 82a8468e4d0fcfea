/**
 * The logger the messaging lib writes to (pino's `(obj, msg)` shape, so a pino logger fits).
 * Only ids, codes and counts are logged, never event payloads.
 */
export interface MessagingLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return { error: error.name, errorMessage: error.message.slice(0, 500), ...(typeof code === 'string' ? { errorCode: code } : {}) };
}
