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

/** Actions on public information, which an anonymous or system caller (no actor) may read. */
const PUBLIC_ACTIONS: readonly Action[] = ['procedure.read'];

/**
 * As authorizeCaller, but a call without an actor (an anonymous request, or a service acting on
 * an event) is let through for public information. Returns the caller, or undefined without one.
 */
export function authorizePublicRead(action: Action): AccessSubject | undefined {
  if (!PUBLIC_ACTIONS.includes(action)) throw new Error(`${action} is not public information`);
  return currentTenant().actor ? authorizeCaller(action) : undefined;
}
