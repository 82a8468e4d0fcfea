import { RequestMethod, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { z } from 'zod';
import { ROUTE_ACCESS, RouteAccessRule } from '../access/route-access.decorator';
import { DEPENDS_ON, GatewayDependency } from '../health/dependencies';
import { ETAG_METADATA } from '../http/etag';
import { IDEMPOTENCY_POLICY, IdempotencyPolicy } from '../idempotency/idempotency.decorator';
import { ZodBodyPipe, ZodQueryPipe } from '../http/zod-body.pipe';
import { API_OPERATION, ApiOperationSpec } from './api-operation.decorator';

/** A controller route, with everything its decorators say about it. */
export interface DiscoveredRoute {
  /** Upper case: `GET`. */
  method: string;
  /** As fastify serves it: `/v1/dossiers/:id`. */
  path: string;
  controller: string;
  /** The controller's path (`v1/dossiers`): its last segment is the default tag. */
  controllerPath: string;
  handlerName: string;
  spec?: ApiOperationSpec;
  access?: RouteAccessRule;
  /** `@HttpCode`, else Nest's default (201 for POST, 200 otherwise). */
  successStatus: number;
  body?: z.ZodType;
  query?: z.ZodObject;
  etag: boolean;
  dependsOn: readonly GatewayDependency[];
  /** Every POST honours `Idempotency-Key`; `required` where `@IdempotencyKey('required')` says so. */
  idempotencyKey: IdempotencyPolicy | 'none';
}

function paths(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : ['/'];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter((part) => part !== '')
    .join('/');
  return `/${joined}`;
}

interface RouteArgument {
  index: number;
  pipes?: unknown[];
}

/** The zod schemas of the route's validating pipes (`@Body(new ZodBodyPipe(...))`, `@Query(new ZodQueryPipe(...))`). */
function pipeSchemas(controller: Type, handlerName: string): { body?: z.ZodType; query?: z.ZodObject } {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, RouteArgument>;
  const found: { body?: z.ZodType; query?: z.ZodObject } = {};
  for (const [key, argument] of Object.entries(args)) {
    const type = Number(key.split(':')[0]);
    for (const pipe of argument.pipes ?? []) {
      if (type === RouteParamtypes.BODY && pipe instanceof ZodBodyPipe) found.body = pipe.schema;
      if (type === RouteParamtypes.QUERY && pipe instanceof ZodQueryPipe) found.query = pipe.schema;
    }
  }
  return found;
}

/** Every route of one controller class. */
export function routesOfController(controller: Type, scanner: MetadataScanner = new MetadataScanner()): DiscoveredRoute[] {
  const prototype = controller.prototype as Record<string, unknown>;
  const controllerPaths = paths(Reflect.getMetadata(PATH_METADATA, controller));
  const routes: DiscoveredRoute[] = [];
  for (const handlerName of scanner.getAllMethodNames(prototype)) {
    const handler = prototype[handlerName];
    if (typeof handler !== 'function') continue;
    const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
    if (requestMethod === undefined || methodPath === undefined) continue;
    const method = RequestMethod[requestMethod];
    const access =
      (Reflect.getMetadata(ROUTE_ACCESS, handler) as RouteAccessRule | undefined) ?? (Reflect.getMetadata(ROUTE_ACCESS, controller) as RouteAccessRule | undefined);
    const dependsOn =
      (Reflect.getMetadata(DEPENDS_ON, handler) as GatewayDependency[] | undefined) ?? (Reflect.getMetadata(DEPENDS_ON, controller) as GatewayDependency[] | undefined) ?? [];
    const httpCode = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
    for (const controllerPath of controllerPaths) {
      for (const path of paths(methodPath)) {
        routes.push({
          method,
          path: joinPath(controllerPath, path),
          controller: controller.name,
          controllerPath,
          handlerName,
          spec: Reflect.getMetadata(API_OPERATION, handler) as ApiOperationSpec | undefined,
          access,
          successStatus: httpCode ?? (method === 'POST' ? 201 : 200),
          ...pipeSchemas(controller, handlerName),
          etag: Reflect.getMetadata(ETAG_METADATA, handler) === true || Reflect.getMetadata(ETAG_METADATA, controller) === true,
          dependsOn,
          idempotencyKey: method === 'POST' ? ((Reflect.getMetadata(IDEMPOTENCY_POLICY, handler) as IdempotencyPolicy | undefined) ?? 'optional') : 'none',
        });
      }
    }
  }
  return routes;
}

/** Every route of every controller of the running application. */
export function discoverRoutes(discovery: DiscoveryService, scanner: MetadataScanner): DiscoveredRoute[] {
  return discovery
    .getControllers()
    .map((wrapper) => wrapper.metatype)
    .filter((metatype): metatype is Type => typeof metatype === 'function')
    .flatMap((controller) => routesOfController(controller, scanner));
}
