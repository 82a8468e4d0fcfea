import { isTenantId } from '@motcua/tenancy';
import { GatewayError, GatewayErrorCode } from './gateway.errors';

export interface TenantClues {
  /** `X-Tenant-Id` header. */
  header?: string;
  /** Host the request was sent to (a province's own domain). */
  host?: string;
  /** The token's tenant claim (staff tokens always carry one). */
  claim?: string;
}

/**
 * The tenant of a request from every clue it carries: the header, the province's host and
 * the token's claim. All clues present must name the same tenant; at least one must exist.
 */
export function resolveTenant(clues: TenantClues, hosts: Record<string, string>): string {
  const hostName = clues.host?.split(':')[0]?.toLowerCase();
  const fromHost = hostName ? hosts[hostName] : undefined;
  const candidates = [
    ['header', clues.header],
    ['host', fromHost],
    ['token', clues.claim],
  ].filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '');
  if (candidates.length === 0) {
    throw new GatewayError(GatewayErrorCode.TenantRequired, 'Name the province: X-Tenant-Id header or its own host name');
  }
  const [, tenantId] = candidates[0];
  if (!isTenantId(tenantId)) {
    throw new GatewayError(GatewayErrorCode.TenantRequired, 'Malformed tenant id', { errors: [{ field: 'X-Tenant-Id', message: 'a province slug' }] });
  }
  const disagreeing = candidates.filter(([, value]) => value !== tenantId).map(([source]) => source);
  if (disagreeing.length > 0) {
    throw new GatewayError(GatewayErrorCode.TenantMismatch, 'The request names more than one province', {
      sources: candidates.map(([source]) => source),
    });
  }
  return tenantId;
}
