import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Who read an applicant's personal data, append-only (the app role may SELECT and INSERT
 * only). No data values: subjects, roles, agency, dossier, the RPC and the trace.
 */
@Entity({ schema: 'intake', name: 'personal_data_access' })
@Index('personal_data_access_dossier_idx', ['tenantId', 'dossierId', 'accessedAt'])
export class PersonalDataAccessEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'accessed_at', type: 'timestamptz' })
  accessedAt!: Date;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ name: 'actor_agency_id', type: 'text', nullable: true })
  actorAgencyId!: string | null;

  @Column({ name: 'data_subject', type: 'text' })
  dataSubject!: string;

  @Column({ name: 'dossier_id', type: 'uuid', nullable: true })
  dossierId!: string | null;

  @Column({ type: 'text' })
  read!: string;

  @Column({ name: 'trace_id', type: 'text' })
  traceId!: string;
}
