import { currentTenant } from '@motcua/tenancy';
import { assertAuthorized, type AccessResource, type Action } from './access-policy';
import { AuthError, AuthErrorCode } from './auth.errors';
import { accessSubjectOf, type AccessSubject } from './principal';

/**
 * The policy applied to the caller of the current unit of work (the actor propagated with
 * the tenant): refused when there is no caller or the policy says no. The resource's tenant
 * defaults to the context's. Returns the caller.
 */
export function authorizeCaller(action: Action, resource: AccessResource = {}): AccessSubject {
  const context = currentTenant();
  const subject = accessSubjectOf(context);
  if (!subject) throw new AuthError(AuthErrorCode.TokenMissing, `${action} needs a signed-in caller`);
  assertAuthorized(subject, action, { tenantId: context.tenantId, ...resource });
  return subject;
}
