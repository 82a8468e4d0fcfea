import { isTenantId } from '@motcua/tenancy';
import type { IssuerKind } from './role';

/**
 * An identity provider whose tokens we accept: the citizens' national sign-in (`citizen`),
 * a province's staff IdP (`staff`, bound to that tenant) or the national issuer for national
 * admins and analysts (`national`).
 */
export interface TrustedIssuer {
  /** Exactly the `iss` of its tokens. */
  issuer: string;
  /** The `aud` our tokens must carry for this issuer. */
  audience: string;
  /** https, or http on a loopback host (the local provider). */
  jwksUri: string;
  audienceKind: IssuerKind;
  /** Required for `staff`, forbidden for `national`, optional for `citizen` (a province's own citizen sign-in). */
  tenantId?: string;
}

const ISSUER_KINDS: ReadonlySet<string> = new Set<IssuerKind>(['citizen', 'staff', 'national']);
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks the issuer configuration at bootstrap; a mistake here must stop the service. */
export function validateTrustedIssuers(issuers: readonly TrustedIssuer[]): void {
  if (issuers.length === 0) throw new TypeError('At least one trusted issuer is required');
  const seen = new Set<string>();
  issuers.forEach((trusted, index) => {
    const fail = (problem: string): never => {
      throw new TypeError(`Trusted issuer #${index} (${String(trusted.issuer)}): ${problem}`);
    };
    if (typeof trusted.issuer !== 'string' || trusted.issuer.trim() === '') fail('issuer is empty');
    if (seen.has(trusted.issuer)) fail('issuer is configured twice');
    seen.add(trusted.issuer);
    if (typeof trusted.audience !== 'string' || trusted.audience.trim() === '') fail('audience is empty');
    if (!ISSUER_KINDS.has(trusted.audienceKind)) fail(`unknown audienceKind ${String(trusted.audienceKind)}`);
    let jwksUrl: URL | undefined;
    try {
      jwksUrl = new URL(trusted.jwksUri);
    } catch {
      fail('jwksUri is not a URL');
    }
    if (jwksUrl && jwksUrl.protocol !== 'https:' && !(jwksUrl.protocol === 'http:' && LOOPBACK_HOSTS.has(jwksUrl.hostname))) {
      fail('jwksUri must be https (plain http only on a loopback host)');
    }
    if (trusted.tenantId !== undefined && !isTenantId(trusted.tenantId)) fail('tenantId is not a tenant id');
    if (trusted.audienceKind === 'staff' && trusted.tenantId === undefined) fail('a staff issuer serves one tenant: set tenantId');
    if (trusted.audienceKind === 'national' && trusted.tenantId !== undefined) fail('a national issuer serves no tenant');
  });
}
