import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { actorFromPrincipal, assertAuthorized, TokenVerifier } from '@motcua/auth';
import { newTraceId, runInTenant, traceIdFromTraceparent } from '@motcua/tenancy';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { GatewayError, GatewayErrorCode } from './gateway.errors';
import { setRequestCaller } from './request-caller';
import { ROUTE_ACCESS, RouteAccessRule } from './route-access.decorator';
import { TenantDirectory } from './tenant-directory';
import { resolveTenant } from './tenant-resolution';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Every API request: verify the bearer token, resolve the province, and run the handler in
 * that tenant's context with the caller as actor, so each gRPC call carries them. Routes
 * without a RouteAccess rule are not API routes (health, metrics) and pass untouched.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly directory: TenantDirectory,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const rule = this.reflector.getAllAndOverride<RouteAccessRule | undefined>(ROUTE_ACCESS, [context.getHandler(), context.getClass()]);
    if (!rule) return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (rule.anonymous) return this.anonymous(request, rule, next);
    const principal = await this.verifier.verify(header(request, 'authorization'));
    const traceId = traceIdFromTraceparent(header(request, 'traceparent')) ?? newTraceId();
    const actor = actorFromPrincipal(principal);
    const caller = { subject: principal.subject, issuer: principal.issuer, roles: principal.roles, traceId };
    if (rule.tenant === 'none') {
      setRequestCaller(request, caller);
      if (rule.action) assertAuthorized({ ...principal }, rule.action, {});
      return next.handle();
    }
    const tenantId = resolveTenant(
      { header: header(request, 'x-tenant-id'), host: header(request, 'host'), claim: principal.tenantId },
      this.config.TENANT_HOSTS,
    );
    if (!(await this.directory.exists(tenantId))) {
      throw new GatewayError(GatewayErrorCode.TenantUnknown, 'No such province on this platform', { tenantId });
    }
    setRequestCaller(request, { ...caller, tenantId });
    if (rule.action) assertAuthorized({ ...principal }, rule.action, { tenantId });
    return new Observable((subscriber) =>
      runInTenant({ tenantId, traceId, actor }, () => next.handle().subscribe(subscriber)),
    );
  }

  /** A public tenant-scoped route: no token read, no caller set (limits key on the IP), no actor propagated. */
  private async anonymous(request: FastifyRequest, rule: RouteAccessRule, next: CallHandler): Promise<Observable<unknown>> {
    if (rule.tenant !== 'required' || rule.action) throw new Error('An anonymous route must be tenant-scoped and carry no action');
    const traceId = traceIdFromTraceparent(header(request, 'traceparent')) ?? newTraceId();
    const tenantId = resolveTenant({ header: header(request, 'x-tenant-id'), host: header(request, 'host'), claim: undefined }, this.config.TENANT_HOSTS);
    if (!(await this.directory.exists(tenantId))) {
      throw new GatewayError(GatewayErrorCode.TenantUnknown, 'No such province on this platform', { tenantId });
    }
    return new Observable((subscriber) => runInTenant({ tenantId, traceId }, () => next.handle().subscribe(subscriber)));
  }
}
