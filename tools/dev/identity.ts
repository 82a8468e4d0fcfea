import { LocalIdentity, startLocalIdentity } from '../oidc-dev/src';

/** The dev stack's identity providers and the gateway settings that trust them. */
export async function startIdentity(): Promise<{ identity: LocalIdentity; extraEnv: Record<string, string> }> {
  const identity = await startLocalIdentity();
  return { identity, extraEnv: { AUTH_ISSUERS: JSON.stringify(identity.issuers) } };
}
