import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { OfficeHoursInterval } from '@motcua/calendar';

/** A tenant's office hours and rest days; absent until the tenant changes its calendar (defaults apply). */
@Entity({ schema: 'catalogue', name: 'calendar_settings' })
@Check('calendar_settings_revision_check', 'revision >= 1')
export class CalendarSettingsEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'office_hours', type: 'jsonb' })
  officeHours!: OfficeHoursInterval[];

  @Column({ name: 'weekly_rest_days', type: 'int', array: true })
  weeklyRestDays!: number[];

  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ schema: 'catalogue', name: 'calendar_overrides' })
@Check('calendar_overrides_kind_check', `kind IN ('day_off', 'working_day')`)
export class CalendarOverrideEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  reason!: string;
}
