import { LABOUR_CODE_2019_RULES } from './holiday-rules';
import { PUBLISHED_DAYS_OFF } from './published-days-off';
import { TenantCalendarSettings, WorkingCalendar } from './working-calendar';

/** A province's working calendar: the Labour Code 2019 rules, the published yearly lists, then the tenant's own data. */
export function nationalWorkingCalendar(tenant?: TenantCalendarSettings): WorkingCalendar {
  return new WorkingCalendar({ ruleSets: [LABOUR_CODE_2019_RULES], published: PUBLISHED_DAYS_OFF, tenant });
}
