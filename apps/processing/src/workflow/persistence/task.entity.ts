import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The worklist: one row per step a dossier enters, open until it leaves the step. */
@Entity({ schema: 'processing', name: 'tasks' })
@Index('tasks_by_dossier', ['tenantId', 'dossierId', 'createdAt'])
@Index('tasks_open_by_agency_due', ['tenantId', 'agencyId', 'dueAt', 'id'], { where: `status = 'open'` })
@Index('tasks_open_by_agency_role', ['tenantId', 'agencyId', 'role', 'dueAt', 'id'], { where: `status = 'open'` })
@Index('tasks_pool_by_agency_role', ['tenantId', 'agencyId', 'role', 'dueAt', 'id'], { where: `status = 'open' AND assignee IS NULL` })
@Index('tasks_open_by_assignee', ['tenantId', 'assignee', 'dueAt', 'id'], { where: `status = 'open' AND assignee IS NOT NULL` })
@Check('tasks_status_check', `status IN ('open', 'done', 'cancelled')`)
export class TaskEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  /** The step's name (from the internal process). */
  @Column({ type: 'text' })
  step!: string;

  @Column({ name: 'step_index', type: 'integer' })
  stepIndex!: number;

  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy!: string | null;
}
