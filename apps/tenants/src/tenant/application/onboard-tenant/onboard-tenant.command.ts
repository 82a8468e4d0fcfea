import { TenantProposal } from '../../domain/tenant';

export class OnboardTenantCommand {
  private constructor(readonly proposal: TenantProposal) {}

  static create(input: { id?: string | null; officialCode?: string | null; name?: string | null }): OnboardTenantCommand {
    return new OnboardTenantCommand({ id: input.id ?? '', officialCode: input.officialCode ?? '', name: input.name ?? '' });
  }
}
