import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RequiredComponent } from '../domain/procedure';

@Entity({ schema: 'catalogue', name: 'procedures' })
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
