import type { Metadata } from '@grpc/grpc-js';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Observable } from 'rxjs';
import {
  CarrierKeys,
  contextFromCarrier,
  InvalidTenantIdError,
  runInTenant,
  TenantContext,
  TenantRequiredError,
} from '@motcua/tenancy';
import { RpcError, RpcErrorCode } from '../errors/rpc-error';
import { TENANT_FREE_METADATA } from './tenant-free.decorator';

/**
 * Binds the tenant context carried in the call metadata (`x-tenant-id`, `traceparent`,
 * `x-actor`) for the whole handler, Observable handlers included, so `currentTenant()` and
 * the tenant transaction work without passing the tenant by hand. A call without a tenant
 * is refused with UNAUTHENTICATED, unless the method is marked `@TenantFree()`. Only acts on
 * RPC contexts; HTTP requests pass through untouched.
 */
@Injectable()
export class TenantContextInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const tenantFree =
      this.reflector.getAllAndOverride<boolean | undefined>(TENANT_FREE_METADATA, [context.getHandler(), context.getClass()]) ===
      true;
    const tenant = readTenant(context.switchToRpc().getContext<Metadata | undefined>(), tenantFree);
    if (!tenant) return next.handle();
    // next.handle() and the subscription both run inside the context: Nest binds the handler's
    // async resource when handle() is called, and a returned Observable emits from there.
    return new Observable((subscriber) => runInTenant(tenant, () => next.handle().subscribe(subscriber)));
  }
}

function readTenant(metadata: Metadata | undefined, tenantFree: boolean): TenantContext | undefined {
  const read = (key: string): string | undefined => {
    const value = metadata?.get(key)[0];
    return typeof value === 'string' ? value : undefined;
  };
  try {
    return contextFromCarrier(read);
  } catch (error) {
    if (error instanceof TenantRequiredError) {
      if (tenantFree) return undefined;
      throw new RpcError(
        RpcErrorCode.TenantRequired,
        `This call needs the tenant in the "${CarrierKeys.tenant}" metadata; only methods marked @TenantFree() run without one`,
        { metadataKey: CarrierKeys.tenant },
        { cause: error },
      );
    }
    if (error instanceof InvalidTenantIdError) {
      throw new RpcError(RpcErrorCode.TenantIdInvalid, error.message, { metadataKey: CarrierKeys.tenant }, { cause: error });
    }
    throw new RpcError(RpcErrorCode.MetadataInvalid, `Malformed "${CarrierKeys.actor}" metadata`, { metadataKey: CarrierKeys.actor }, { cause: error });
  }
}
