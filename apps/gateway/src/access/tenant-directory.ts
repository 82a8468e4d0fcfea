import { status as GrpcStatus } from '@grpc/grpc-js';
import { readRpcError } from '@motcua/rpc';
import { ServiceClients } from '../clients/service-clients';

/** Whether a tenant exists, asked of the registry and remembered for a short while. */
export class TenantDirectory {
  private readonly known = new Map<string, { exists: boolean; until: number }>();

  constructor(
    private readonly clients: ServiceClients,
    private readonly ttlMs: number,
  ) {}

  async exists(tenantId: string): Promise<boolean> {
    const cached = this.known.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.exists;
    let exists: boolean;
    try {
      await this.clients.tenants.getTenant({ id: tenantId });
      exists = true;
    } catch (error) {
      if (readRpcError(error).status !== GrpcStatus.NOT_FOUND) throw error;
      exists = false;
    }
    // A newly onboarded province must be usable at once: remember absence only briefly.
    this.known.set(tenantId, { exists, until: Date.now() + (exists ? this.ttlMs : Math.min(this.ttlMs, 1_000)) });
    return exists;
  }
}
