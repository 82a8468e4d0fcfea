import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';

/** Where a list resumes: the keyset of the last item, or a service's own page token. */
export type CursorPosition = Readonly<Record<string, string | number>>;

export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_CURSOR_LENGTH = 1024;

/** The query of a cursor-paged list: `?limit=` (bounded) and `?cursor=` (from the previous page). */
export function pageQuerySchema(limits: PageLimits) {
  return z.strictObject({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(limits.maxLimit)
      .default(limits.defaultLimit)
      .describe(`How many items at most (1–${limits.maxLimit}, default ${limits.defaultLimit}).`),
    cursor: z
      .string()
      .max(MAX_CURSOR_LENGTH)
      .regex(BASE64URL, 'an opaque cursor from a previous page')
      .optional()
      .describe("Resume after the previous page: its `nextCursor`. Omit for the first page."),
  });
}

export type PageQuery = z.infer<ReturnType<typeof pageQuerySchema>>;

export interface PageRequest {
  limit: number;
  /** Undefined for the first page. */
  after?: CursorPosition;
}

/**
 * A cursor is opaque to clients: base64url of JSON naming the list it belongs to (`scope`)
 * and where it resumes. It is not a secret; services check what it leads them to read.
 */
export function encodeCursor(scope: string, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ s: scope, p: position }), 'utf8').toString('base64url');
}

function invalidCursor(): GatewayError {
  return new GatewayError(GatewayErrorCode.RequestInvalid, 'The cursor is not one this list gave', {
    errors: [{ field: 'cursor', message: 'an opaque cursor from a previous page of this list' }],
  });
}

function isPosition(value: unknown): value is CursorPosition {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string' || (typeof item === 'number' && Number.isFinite(item)))
  );
}

/** The position a cursor of list `scope` names; a cursor of another list or a forged one is refused (400). */
export function decodeCursor(scope: string, cursor: string): CursorPosition {
  if (!BASE64URL.test(cursor) || cursor.length > MAX_CURSOR_LENGTH) throw invalidCursor();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw invalidCursor();
    throw error;
  }
  const { s, p } = (typeof decoded === 'object' && decoded !== null ? decoded : {}) as { s?: unknown; p?: unknown };
  if (s !== scope || !isPosition(p)) throw invalidCursor();
  return p;
}

/** The page a validated query asks for. */
export function pageRequest(scope: string, query: PageQuery): PageRequest {
  return query.cursor === undefined ? { limit: query.limit } : { limit: query.limit, after: decodeCursor(scope, query.cursor) };
}

/** One page of a list: `nextCursor` and the `next` link are null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  next: string | null;
}

/**
 * The answer for one page. `path` is the list's path; `nextPosition` where the next page
 * resumes (undefined on the last page). Other query parameters of the list go in `query`.
 */
export function cursorPage<T>(
  scope: string,
  items: T[],
  nextPosition: CursorPosition | undefined,
  link: { path: string; limit: number; query?: Readonly<Record<string, string>> },
): CursorPage<T> {
  if (nextPosition === undefined) return { items, nextCursor: null, next: null };
  const nextCursor = encodeCursor(scope, nextPosition);
  const search = new URLSearchParams({ ...link.query, limit: String(link.limit), cursor: nextCursor });
  return { items, nextCursor, next: `${link.path}?${search.toString()}` };
}

/** Adds the RFC 8288 `Link: <…>; rel="next"` header of a page. */
export function setPageLinks(reply: FastifyReply, page: CursorPage<unknown>): void {
  if (page.next !== null) void reply.header('Link', `<${page.next}>; rel="next"`);
}

/** The schema of a page of `item`s, for the OpenAPI document. */
export function cursorPageSchema<TItem extends z.ZodType>(item: TItem) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
    next: z.string().nullable().describe('The next page, as a path with its query; null on the last page.'),
  });
}
