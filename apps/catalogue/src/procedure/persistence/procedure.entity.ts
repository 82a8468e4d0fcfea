import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import type { RequiredComponent } from '../domain/procedure';

@Entity({ schema: 'catalogue', name: 'procedures' })
@Unique('procedures_tenant_id_code_key', ['tenantId', 'code'])
@Check('procedures_processing_days_check', 'processing_days >= 0')
export class ProcedureEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'processing_days', type: 'int' })
  processingDays!: number;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ type: 'jsonb' })
  components!: RequiredComponent[];

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
