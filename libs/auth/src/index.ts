// @motcua/auth: who the caller is (verified access tokens) and what they may do (the policy).
export { ROLES, ROLES_BY_ISSUER_KIND, AGENCY_BOUND_ROLES, isRole, type Role, type IssuerKind } from './role';
export { AuthError, AuthErrorCode, authErrorCategory, isAuthError } from './auth.errors';
export { type Principal, type AccessSubject, actorFromPrincipal, accessSubjectOf } from './principal';
export { type TrustedIssuer, validateTrustedIssuers } from './trusted-issuer';
export { Claims, principalFromClaims } from './claims';
export { authorizeCaller, authorizePublicRead } from './authorize-caller';
export { TokenVerifier, ACCEPTED_ALGORITHMS, type TokenVerifierOptions } from './token-verifier';
export {
  ACTIONS,
  isAction,
  authorize,
  assertAuthorized,
  type Action,
  type AccessResource,
  type Decision,
  type DenyReason,
} from './access-policy';
