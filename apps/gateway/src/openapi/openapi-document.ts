import { z } from 'zod';
import { authErrorCategory, AuthErrorCode } from '@motcua/auth';
import type { ErrorCategory } from '@motcua/domain-kernel';
import { categoryToGrpcStatus, grpcStatusToHttp, PROBLEM_CONTENT_TYPE } from '@motcua/rpc';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';
import { HttpProblemCode, httpProblemStatus } from '../http/http-problem';
import { ACCEPTED_BODY_TYPES } from '../http/json-only';
import { REQUEST_ID_HEADER } from '../http/request-id';
import type { ApiOperationSpec, ApiResponseSpec } from './api-operation.decorator';
import { API_SCHEMAS, ProblemSchema } from './api-schemas';
import type { DiscoveredRoute } from './route-discovery';

export type JsonObject = { [key: string]: unknown };

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, JsonObject>>;
  components: JsonObject & { schemas: Record<string, JsonObject> };
}

export interface OpenApiBuild {
  document: OpenApiDocument;
  /** `METHOD /path` of routes with neither `@ApiOperation` nor an entry among the external operations. */
  undocumented: string[];
}

/** Operations of routes this app does not decorate (the platform's health endpoints), by `METHOD /path`. */
export type ExternalOperations = Readonly<Record<string, ApiOperationSpec & { tags: string[] }>>;

export const API_TITLE = 'MotCua API';
export const API_VERSION = '1.0.0';

const API_DESCRIPTION = `The front door of MotCua, the one-stop-shop platform of the provinces, for web and mobile apps.

Conventions, the same on every route:
- **Province (tenant):** tenant routes name one province through the \`X-Tenant-Id\` header, the province's own host name, or the token's tenant claim; when they disagree the request is refused (403 \`TENANT_MISMATCH\`), an unknown province is 404 \`TENANT_UNKNOWN\`.
- **Identity:** bearer access tokens (JWT, RS256/ES256) from the configured issuers.
- **Errors:** RFC 9457 \`application/problem+json\` with a stable \`type\` per \`code\` (\`urn:motcua:problem:<code>\`) and, for validation, field findings in \`errors\`.
- **Lists:** cursor pagination: \`?limit=\` (bounded) and \`?cursor=\` (the previous page's \`nextCursor\`); the answer carries \`nextCursor\`, a \`next\` link and \`Link: <…>; rel="next"\`.
- **Caching and concurrency:** single resources carry a strong \`ETag\`; \`If-None-Match\` gives 304. Updates require \`If-Match\` (428 without it, 412 when the resource changed).
- **Retries:** creating POSTs take an \`Idempotency-Key\`: a retry with the same key and body gets the stored answer; the same key with another body is 422.
- **Limits:** bodies are JSON only (415 otherwise) and bounded (413); rate limits per client and per province answer 429 with \`Retry-After\`.
- **Degradation:** when a service is down, only the routes that need it answer 503 \`DEPENDENCY_UNAVAILABLE\` (with \`Retry-After\`); \`/health/ready\` names the failing service.
- **Correlation:** every answer carries \`X-Request-Id\` (a well-formed incoming one is echoed); quote it when reporting a problem.
- **Browsers:** CORS per province: an origin is allowed for the provinces configured for it.`;

const TAG_DESCRIPTIONS: Readonly<Record<string, string>> = {
  tenants: 'The registry of provinces (national).',
  procedures: 'The catalogue of administrative procedures of a province.',
  dossiers: 'Dossiers: submission, reading, their workflow tasks.',
  statistics: 'Aggregated figures of a province.',
  health: 'Liveness, readiness and metrics (operations).',
  documentation: 'This document.',
};

const METHOD_ORDER = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `/v1/dossiers/:id` → `/v1/dossiers/{id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function httpStatusOf(category: ErrorCategory): number {
  return grpcStatusToHttp(categoryToGrpcStatus(category), category);
}

const gatewayStatus = (code: GatewayErrorCode) => httpStatusOf(new GatewayError(code, code).category);

function codesByStatus(entries: [string, number][]): Map<number, string[]> {
  const byStatus = new Map<number, string[]>();
  for (const [code, status] of entries) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  return byStatus;
}

const AUTH_CODES = codesByStatus(Object.values(AuthErrorCode).map((code) => [code, httpStatusOf(authErrorCategory(code))]));
const TENANT_CODES = codesByStatus(
  [GatewayErrorCode.TenantRequired, GatewayErrorCode.TenantUnknown, GatewayErrorCode.TenantMismatch].map((code) => [code, gatewayStatus(code)]),
);
const idempotencyCodes = (policy: 'optional' | 'required') =>
  codesByStatus(
    [
      ...(policy === 'required' ? [GatewayErrorCode.IdempotencyKeyRequired] : []),
      GatewayErrorCode.IdempotencyKeyInvalid,
      GatewayErrorCode.IdempotencyKeyReused,
      GatewayErrorCode.IdempotencyInProgress,
      GatewayErrorCode.IdempotencyUnavailable,
    ].map((code) => [code, gatewayStatus(code)]),
  );
const httpCodes = (...codes: HttpProblemCode[]) => codesByStatus(codes.map((code) => [code, httpProblemStatus(code)]));

const GENERIC_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'The request is invalid.',
  401: 'No valid access token.',
  403: 'The caller may not do this.',
  404: 'Not found.',
  409: 'The request conflicts with the current state.',
  412: 'The resource changed since it was read.',
  413: 'The body is too large.',
  415: 'The body is not JSON.',
  422: 'The request breaks a rule.',
  428: 'The update lacks If-Match.',
  429: 'Too many requests: retry after `Retry-After` seconds.',
  500: 'An internal error.',
  503: 'A service this route needs is unavailable; other routes keep working. Retry after `Retry-After` seconds.',
  504: 'A service did not answer in time.',
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** Converts zod schemas, gathering named ones under components.schemas. */
class SchemaCollector {
  readonly schemas = new Map<string, JsonObject>();

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
    const converted = z.toJSONSchema(schema, { io, metadata: API_SCHEMAS, target: 'draft-2020-12', unrepresentable: 'throw' }) as JsonObject;
    const { $defs, $schema: _dialect, ...rest } = converted;
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonObject>)) this.add(id, definition);
    return relink(rest);
  }

  private add(id: string, definition: JsonObject): void {
    const linked = relink(definition);
    const known = this.schemas.get(id);
    if (known && JSON.stringify(known) !== JSON.stringify(linked)) {
      throw new Error(`Schema "${id}" reads differently as a request and as a response: name the request's variant separately`);
    }
    this.schemas.set(id, linked);
  }
}

function relink(schema: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonObject;
}

interface ProblemEntry {
  descriptions: string[];
  codes: Set<string>;
  retryAfter: boolean;
}

class ProblemResponses {
  private readonly entries = new Map<number, ProblemEntry>();

  add(status: number, codes: readonly string[] = [], description?: string, retryAfter = false): void {
    const entry = this.entries.get(status) ?? { descriptions: [], codes: new Set<string>(), retryAfter: false };
    if (description && !entry.descriptions.includes(description)) entry.descriptions.push(description);
    for (const code of codes) entry.codes.add(code);
    entry.retryAfter ||= retryAfter;
    this.entries.set(status, entry);
  }

  addAll(byStatus: Map<number, string[]>, retryAfter = false): void {
    for (const [status, codes] of byStatus) this.add(status, codes, undefined, retryAfter);
  }

  toResponses(): Record<string, JsonObject> {
    const responses: Record<string, JsonObject> = {};
    for (const [status, entry] of [...this.entries].sort(([a], [b]) => a - b)) {
      const description = entry.descriptions.length > 0 ? [...entry.descriptions] : [GENERIC_DESCRIPTIONS[status] ?? 'An error.'];
      if (entry.codes.size > 0) description.push(`Codes: ${[...entry.codes].map((code) => `\`${code}\``).join(', ')}.`);
      const headers: JsonObject = { [REQUEST_ID_HEADER]: ref('headers', 'RequestId') };
      if (entry.retryAfter) headers['Retry-After'] = ref('headers', 'RetryAfter');
      responses[String(status)] = { description: description.join(' '), headers, content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('schemas', 'Problem') } } };
    }
    return responses;
  }
}

function defaultTag(route: DiscoveredRoute): string {
  const segments = route.controllerPath.split('/').filter(Boolean);
  return segments[segments.length - 1] ?? 'default';
}

function queryParameters(query: z.ZodObject, collector: SchemaCollector): JsonObject[] {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = collector.convert(field as z.ZodType, 'input');
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      required: !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function successResponse(status: number, response: ApiResponseSpec, route: DiscoveredRoute, collector: SchemaCollector): JsonObject {
  const headers: JsonObject = { [REQUEST_ID_HEADER]: ref('headers', 'RequestId') };
  if (route.etag && status === 200) headers.ETag = ref('headers', 'ETag');
  for (const [name, header] of Object.entries(response.headers ?? {})) {
    headers[name] = { description: header.description, schema: header.schema ? collector.convert(header.schema, 'output') : { type: 'string' } };
  }
  const answer: JsonObject = { description: response.description, headers };
  if (response.schema) answer.content = { [response.contentType ?? 'application/json']: { schema: collector.convert(response.schema, 'output') } };
  else if (response.raw) answer.content = { [response.contentType ?? 'text/plain']: { schema: response.raw } };
  return answer;
}

function operationOf(route: DiscoveredRoute, spec: ApiOperationSpec, collector: SchemaCollector): JsonObject {
  const tag = spec.tags?.[0] ?? defaultTag(route);
  const parameters: JsonObject[] = [];
  for (const [, name] of route.path.matchAll(/:([A-Za-z0-9_]+)/g)) {
    parameters.push({ name, in: 'path', required: true, ...(spec.params?.[name] ? { description: spec.params[name] } : {}), schema: { type: 'string' } });
  }
  const query = spec.query ?? route.query;
  if (query) parameters.push(...queryParameters(query, collector));
  const tenantRequired = route.access?.tenant === 'required';
  if (tenantRequired) parameters.push(ref('parameters', 'TenantId'));
  const idempotencyKey = route.idempotencyKey;
  if (idempotencyKey !== 'none') parameters.push(ref('parameters', idempotencyKey === 'required' ? 'IdempotencyKeyRequired' : 'IdempotencyKey'));
  if (route.etag) parameters.push(ref('parameters', 'IfNoneMatch'));
  parameters.push(ref('parameters', 'RequestId'));

  const responses: Record<string, JsonObject> = {};
  const problems = new ProblemResponses();
  for (const [statusText, response] of Object.entries(spec.responses)) {
    const status = Number(statusText);
    // An error status with its own schema is not a problem (readiness answers 503 with its report).
    if (status < 400 || response.schema) responses[statusText] = successResponse(status, response, route, collector);
    else problems.add(status, response.codes ?? [], response.description);
  }
  if (route.etag) responses['304'] = { description: 'Not modified: `If-None-Match` names the current `ETag`.', headers: { ETag: ref('headers', 'ETag'), [REQUEST_ID_HEADER]: ref('headers', 'RequestId') } };
  const body = spec.body ?? route.body;
  if (body || query) problems.add(400, [GatewayErrorCode.RequestInvalid], undefined);
  if (body) problems.addAll(httpCodes(HttpProblemCode.BodyMalformed, HttpProblemCode.BodyTooLarge, HttpProblemCode.UnsupportedMediaType));
  if (route.access) {
    if (!route.access.anonymous) problems.addAll(AUTH_CODES);
    problems.add(gatewayStatus(GatewayErrorCode.RateLimited), [GatewayErrorCode.RateLimited], undefined, true);
  }
  if (tenantRequired) problems.addAll(TENANT_CODES);
  if (idempotencyKey !== 'none') problems.addAll(idempotencyCodes(idempotencyKey));
  if (route.dependsOn.length > 0 || tenantRequired) {
    problems.add(503, [HttpProblemCode.DependencyUnavailable], undefined, true);
    problems.add(504, ['DEADLINE_EXCEEDED']);
  }
  problems.add(500, ['INTERNAL']);

  const operation: JsonObject = {
    tags: spec.tags ?? [tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    operationId: spec.operationId ?? `${tag}.${route.handlerName}`,
    parameters,
  };
  if (body) {
    operation.requestBody = {
      required: true,
      content: Object.fromEntries(ACCEPTED_BODY_TYPES.map((type) => [type, { schema: collector.convert(body, 'input') }])),
    };
  }
  operation.responses = { ...responses, ...problems.toResponses() };
  // An anonymous route reads no token: an empty requirement says so explicitly.
  if (route.access) operation.security = route.access.anonymous ? [] : [{ bearerAuth: [] }];
  return operation;
}

function sharedComponents(): Omit<OpenApiDocument['components'], 'schemas'> {
  const text = (description: string, schema: JsonObject = { type: 'string' }) => ({ description, schema });
  return {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: "An access token (RS256/ES256) from one of the configured issuers: citizens' national sign-in, a province's staff identity provider.",
      },
    },
    parameters: {
      TenantId: {
        name: 'X-Tenant-Id',
        in: 'header',
        required: false,
        description: "The province the request is for. Optional when the request goes to the province's own host or the token names it; all clues must agree.",
        schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,39}$', examples: ['hung-yen'] },
      },
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'Makes a retry safe: the same key with the same request gets the stored answer, with another request 422.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
      IdempotencyKeyRequired: {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: 'Makes a retry safe: the same key with the same request gets the stored answer, with another request 422.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
      IfNoneMatch: {
        name: 'If-None-Match',
        in: 'header',
        required: false,
        description: 'The `ETag` of a representation held: 304 when it is still current.',
        schema: { type: 'string' },
      },
      IfMatch: {
        name: 'If-Match',
        in: 'header',
        required: true,
        description: 'The `ETag` of the representation read before the update: 412 when it is no longer current.',
        schema: { type: 'string' },
      },
      RequestId: {
        name: REQUEST_ID_HEADER,
        in: 'header',
        required: false,
        description: 'A correlation id (8–128 of `A-Z a-z 0-9 . _ : -`): echoed, else one is made.',
        schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' },
      },
    },
    headers: {
      RequestId: text('The correlation id of the request: quote it when reporting a problem.'),
      ETag: text('Strong entity tag of the representation (a hash of the body).'),
      RetryAfter: text('Seconds to wait before retrying.', { type: 'string', pattern: '^\\d+$' }),
      Link: text('RFC 8288 links: `<…>; rel="next"` to the next page.'),
    },
  };
}

/**
 * The OpenAPI 3.1 document of the routes: from each route's `@ApiOperation` (or an
 * external operation) and what its other decorators say (access, tenant, body and query
 * schemas, ETag, dependencies). Deterministic: the committed copy is compared with it.
 */
export function buildOpenApiDocument(routes: readonly DiscoveredRoute[], external: ExternalOperations = {}): OpenApiBuild {
  const collector = new SchemaCollector();
  const paths: Record<string, Record<string, JsonObject>> = {};
  const undocumented: string[] = [];
  const tags = new Set<string>();
  const sorted = [...routes].sort((a, b) => a.path.localeCompare(b.path) || METHOD_ORDER.indexOf(a.method.toLowerCase()) - METHOD_ORDER.indexOf(b.method.toLowerCase()));
  for (const route of sorted) {
    const key = `${route.method} ${route.path}`;
    const spec = route.spec ?? external[key];
    if (!spec) {
      undocumented.push(key);
      continue;
    }
    const operation = operationOf(route, spec, collector);
    for (const tag of operation.tags as string[]) tags.add(tag);
    const path = toOpenApiPath(route.path);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  collector.convert(ProblemSchema, 'output');
  const components = sharedComponents();
  const schemas = Object.fromEntries([...collector.schemas].sort(([a], [b]) => a.localeCompare(b)));
  return {
    document: {
      openapi: '3.1.0',
      info: { title: API_TITLE, version: API_VERSION, description: API_DESCRIPTION },
      jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
      tags: [...tags].sort().map((name) => (TAG_DESCRIPTIONS[name] ? { name, description: TAG_DESCRIPTIONS[name] } : { name })),
      paths,
      components: { schemas, ...components },
    },
    undocumented,
  };
}

/** Served routes (`METHOD /path`, fastify form) that have no operation in the document. HEAD of a documented GET is covered. */
export function routesMissingFrom(document: OpenApiDocument, served: readonly { method: string; url: string }[]): string[] {
  const missing = new Set<string>();
  for (const route of served) {
    const operations = document.paths[toOpenApiPath(route.url)] ?? {};
    const method = route.method.toLowerCase();
    if (operations[method] || (method === 'head' && operations.get)) continue;
    missing.add(`${route.method.toUpperCase()} ${route.url}`);
  }
  return [...missing].sort();
}
