import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The tenant registry is national: it is not tenant-owned, so it has no tenant_id and no row-level policy. */
@Entity({ schema: 'tenants', name: 'tenants' })
@Check('tenants_status_check', `status IN ('active')`)
export class TenantEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'official_code', type: 'char', length: 2, unique: true })
  officialCode!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'onboarded_at', type: 'timestamptz' })
  onboardedAt!: Date;
}
