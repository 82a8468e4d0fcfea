// The local OpenID provider for development and tests (never deployed).
export {
  startOidcDevProvider,
  type OidcDevProvider,
  type OidcDevProviderOptions,
  type SigningAlgorithm,
  type TokenOptions,
} from './provider';
export { loadSeedUsers, DEFAULT_USERS_FILE, type SeedUser, type SeedUserKind } from './seed-users';
export { startLocalIdentity, type LocalIdentity } from './local-identity';
