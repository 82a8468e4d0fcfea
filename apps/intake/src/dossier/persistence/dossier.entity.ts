import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { SubmittedComponent } from '../domain/dossier';

@Entity({ schema: 'intake', name: 'dossiers' })
@Check('dossiers_channel_check', `channel IN ('online', 'desk', 'postal')`)
export class DossierEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId!: string;

  @Column({ name: 'procedure_code', type: 'text' })
  procedureCode!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'applicant_pseudonym', type: 'char', length: 64 })
  applicantPseudonym!: string;

  @Column({ type: 'jsonb' })
  components!: SubmittedComponent[];

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Personal data of the applicant: only here, never in events or logs. */
@Entity({ schema: 'intake', name: 'applicants' })
export class ApplicantEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'citizen_id', type: 'text' })
  citizenId!: string;

  @ManyToOne(() => DossierEntity, { nullable: false })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'applicants_tenant_id_dossier_id_fkey' },
    { name: 'dossier_id', referencedColumnName: 'id', foreignKeyConstraintName: 'applicants_tenant_id_dossier_id_fkey' },
  ])
  dossier?: Relation<DossierEntity>;
}
