import type { TrustedIssuer } from '@motcua/auth';
import { OidcDevProvider, startOidcDevProvider, TokenOptions } from './provider';
import { loadSeedUsers, SeedUser } from './seed-users';

/** The local identity landscape: one issuer per kind (and per tenant for staff), as in production. */
export interface LocalIdentity {
  issuers: TrustedIssuer[];
  /** An access token for a seeded user, from the issuer that serves them (options bend it, for tests). */
  tokenFor(username: string, options?: TokenOptions): Promise<string>;
  /** The seeded user (subject, roles, tenant, agency). */
  user(username: string): SeedUser;
  stop(): Promise<void>;
}

export async function startLocalIdentity(audience = 'motcua-api'): Promise<LocalIdentity> {
  const users = loadSeedUsers();
  const staffTenants = [...new Set(users.filter((u) => u.kind === 'staff').map((u) => u.tenantId ?? ''))].filter(Boolean);
  const plans: { path: string; kind: TrustedIssuer['audienceKind']; tenantId?: string; users: SeedUser[] }[] = [
    { path: '/citizen', kind: 'citizen', users: users.filter((u) => u.kind === 'citizen') },
    { path: '/national', kind: 'national', users: users.filter((u) => u.kind === 'national') },
    ...staffTenants.map((tenantId) => ({
      path: `/realms/${tenantId}`,
      kind: 'staff' as const,
      tenantId,
      users: users.filter((u) => u.kind === 'staff' && u.tenantId === tenantId),
    })),
  ];
  const providers: { provider: OidcDevProvider; users: SeedUser[] }[] = [];
  const issuers: TrustedIssuer[] = [];
  for (const plan of plans) {
    const provider = await startOidcDevProvider({ issuerPath: plan.path, users: plan.users, audience });
    providers.push({ provider, users: plan.users });
    issuers.push({ issuer: provider.issuer, audience, jwksUri: provider.jwksUri, audienceKind: plan.kind, ...(plan.tenantId ? { tenantId: plan.tenantId } : {}) });
  }
  const find = (username: string) => {
    const entry = providers.find(({ users: served }) => served.some((u) => u.username === username));
    if (!entry) throw new Error(`No seeded user ${username}`);
    return entry;
  };
  return {
    issuers,
    tokenFor: (username, options) => find(username).provider.tokenFor(username, options),
    user: (username) => {
      const user = users.find((u) => u.username === username);
      if (!user) throw new Error(`No seeded user ${username}`);
      return user;
    },
    stop: async () => {
      await Promise.all(providers.map(({ provider }) => provider.stop()));
    },
  };
}
