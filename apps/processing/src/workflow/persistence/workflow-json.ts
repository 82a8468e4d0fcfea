/** Fields of the workflow state and of its recorded changes that hold instants. */
const INSTANT_FIELDS = new Set([
  'receivedAt',
  'appointmentAt',
  'dueSoonAt',
  'stepDueAt',
  'stepStartedAt',
  'deadlineAt',
  'since',
  'issuedAt',
  'previousAppointmentAt',
  'decidedAt',
  'returnedAt',
  'dueSoonMarkedAt',
  'overdueMarkedAt',
  'stepOverdueMarkedAt',
  'updatedAt',
]);

/** Dates become ISO strings in jsonb (JSON.stringify does it); this turns them back. */
export function reviveInstants<T>(value: unknown): T {
  if (Array.isArray(value)) return value.map((item) => reviveInstants(item)) as T;
  if (value === null || typeof value !== 'object') return value as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, INSTANT_FIELDS.has(key) && typeof field === 'string' ? new Date(field) : reviveInstants(field)]),
  ) as T;
}
