import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

export const API_OPERATION = 'motcua:gateway:api-operation';

export interface ApiResponseSpec {
  description: string;
  /** The body (JSON unless `contentType` says otherwise). Error statuses default to the Problem schema. */
  schema?: z.ZodType;
  contentType?: string;
  /** A body that is not described by a schema (text, HTML). */
  raw?: { type: 'string' };
  headers?: Record<string, { description: string; schema?: z.ZodType }>;
  /** For an error status: the problem codes the route itself answers with it (e.g. `DOSSIER_NOT_FOUND`). */
  codes?: string[];
}

export interface ApiOperationSpec {
  summary: string;
  description?: string;
  /** Default: the controller's last path segment (`v1/dossiers` → `dossiers`). */
  tags?: string[];
  /** Default: `<tag>.<method name>`. */
  operationId?: string;
  /** Descriptions of the path parameters, by name. */
  params?: Record<string, string>;
  /** The request body; default: the schema of the route's ZodBodyPipe. */
  body?: z.ZodType;
  /** The query; default: the schema of the route's ZodQueryPipe. */
  query?: z.ZodObject;
  /**
   * The route's own answers: its success and the errors particular to it (e.g. 404 for a
   * missing resource). Authentication, tenant, validation, rate-limit, dependency and
   * conditional-request answers are added from the route's other decorators.
   */
  responses: Record<number, ApiResponseSpec>;
}

/**
 * Documents a route in the OpenAPI document (GET /openapi.json). Every served route needs
 * one (or an entry in platform-routes.ts): a test fails for a route without it.
 */
export const ApiOperation = (spec: ApiOperationSpec): MethodDecorator => SetMetadata(API_OPERATION, spec);
