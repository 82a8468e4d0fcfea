import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_OFFICE_HOURS, DEFAULT_WEEKLY_REST_DAYS, OfficeHoursInterval, Weekday } from '@motcua/calendar';
import { currentTenant } from '@motcua/tenancy';
import { CalendarOverride, CalendarSettings, DEFAULT_CALENDAR_SETTINGS, OverrideKind } from '../domain/tenant-calendar';
import { CalendarOverrideEntity, CalendarSettingsEntity } from './calendar.entity';

/** The tenant's calendar settings and overrides, through the tenant transaction's EntityManager. */
@Injectable()
export class CalendarRepository {
  /** The stored settings, or the defaults (revision 0) when the tenant never changed its calendar. */
  async settings(manager: EntityManager): Promise<CalendarSettings> {
    const entity = await manager.findOneBy(CalendarSettingsEntity, { tenantId: currentTenant().tenantId });
    if (!entity) return { ...DEFAULT_CALENDAR_SETTINGS, officeHours: DEFAULT_CALENDAR_SETTINGS.officeHours.map((i) => ({ ...i })), weeklyRestDays: [...DEFAULT_CALENDAR_SETTINGS.weeklyRestDays] };
    return { officeHours: entity.officeHours, weeklyRestDays: entity.weeklyRestDays as Weekday[], revision: entity.revision };
  }

  /** Stores office hours and rest days and returns the new revision. */
  async saveSettings(manager: EntityManager, officeHours: OfficeHoursInterval[], weeklyRestDays: Weekday[], now: Date): Promise<number> {
    const rows: { revision: number }[] = await manager.query(
      `INSERT INTO catalogue.calendar_settings (tenant_id, office_hours, weekly_rest_days, revision, updated_at) VALUES ($1, $2::jsonb, $3::int[], 1, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET office_hours = EXCLUDED.office_hours, weekly_rest_days = EXCLUDED.weekly_rest_days,
         revision = catalogue.calendar_settings.revision + 1, updated_at = EXCLUDED.updated_at
       RETURNING revision`,
      [currentTenant().tenantId, JSON.stringify(officeHours), weeklyRestDays, now],
    );
    return rows[0].revision;
  }

  /** Moves the revision on (an override changed), creating the settings row with the defaults if needed. */
  async bumpRevision(manager: EntityManager, now: Date): Promise<number> {
    const rows: { revision: number }[] = await manager.query(
      `INSERT INTO catalogue.calendar_settings (tenant_id, office_hours, weekly_rest_days, revision, updated_at) VALUES ($1, $2::jsonb, $3::int[], 1, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET revision = catalogue.calendar_settings.revision + 1, updated_at = EXCLUDED.updated_at
       RETURNING revision`,
      [currentTenant().tenantId, JSON.stringify(DEFAULT_OFFICE_HOURS), [...DEFAULT_WEEKLY_REST_DAYS], now],
    );
    return rows[0].revision;
  }

  /** The revision only (a primary-key read): whether a cached calendar is still current. */
  async revision(manager: EntityManager): Promise<number> {
    const rows: { revision: number }[] = await manager.query(`SELECT revision FROM catalogue.calendar_settings WHERE tenant_id = $1`, [currentTenant().tenantId]);
    return rows[0]?.revision ?? 0;
  }

  async overrides(manager: EntityManager): Promise<CalendarOverride[]> {
    const entities = await manager.find(CalendarOverrideEntity, { where: { tenantId: currentTenant().tenantId }, order: { day: 'ASC' } });
    return entities.map((e) => ({ date: e.day, kind: e.kind as OverrideKind, reason: e.reason }));
  }

  async saveOverride(manager: EntityManager, override: CalendarOverride): Promise<void> {
    await manager.query(
      `INSERT INTO catalogue.calendar_overrides (tenant_id, day, kind, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, day) DO UPDATE SET kind = EXCLUDED.kind, reason = EXCLUDED.reason`,
      [currentTenant().tenantId, override.date, override.kind, override.reason],
    );
  }

  /** Removes the tenant's override of `date`; false when there was none. */
  async removeOverride(manager: EntityManager, date: string): Promise<boolean> {
    const result = await manager.delete(CalendarOverrideEntity, { tenantId: currentTenant().tenantId, day: date });
    return (result.affected ?? 0) > 0;
  }
}
