import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { z } from 'zod';
import { CatalogueV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ZodBodyPipe, ZodQueryPipe } from '../http/zod-body.pipe';
import { ApiOperation } from '../openapi/api-operation.decorator';
import {
  AdministrativeUnitListSchema,
  AdministrativeUnitSchema,
  AgencyListSchema,
  AgencySchema,
  CalendarSchema,
  DeskListSchema,
  DeskSchema,
} from './contracts.schema';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const localDate = () => z.string().regex(LOCAL_DATE, 'a date, YYYY-MM-DD');

const UnitBody = z.strictObject({
  name: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  parentCode: z.string().optional().describe('Omit for a province.'),
  validFrom: localDate().optional(),
  validTo: localDate().optional().describe('Exclusive; omit: still valid.'),
});

const UnitListQuery = z.strictObject({
  level: z.enum(['province', 'district', 'commune']).optional(),
  parentCode: z.string().max(20).optional(),
  asOf: localDate().optional().describe('Only units valid on this day; omit: every unit, valid or not.'),
});
type UnitListQuery = z.infer<typeof UnitListQuery>;

const AgencyBody = z.strictObject({
  name: z.string(),
  kind: z.enum(['people_committee', 'department', 'service_centre', 'other']),
  unitCode: z.string(),
  parentId: z.string().optional(),
  validFrom: localDate().optional(),
  validTo: localDate().optional().describe('Exclusive; omit: still valid.'),
});

const AgencyListQuery = z.strictObject({
  unitCode: z.string().max(20).optional(),
  kind: z.enum(['people_committee', 'department', 'service_centre', 'other']).optional(),
  asOf: localDate().optional().describe('Only agencies valid on this day; omit: all.'),
});
type AgencyListQuery = z.infer<typeof AgencyListQuery>;

const DeskBody = z.strictObject({
  name: z.string(),
  agencyId: z.string(),
  unitCodes: z.array(z.string()).default([]).describe('Units whose applicants it serves; `*`: every unit.'),
  procedureCodes: z.array(z.string()).default([]).describe('Procedures it receives; `*`: every procedure.'),
  levels: z.array(z.enum(['province', 'district', 'commune'])).default([]).describe('And every procedure of these levels.'),
  active: z.boolean().default(true),
});

const DeskListQuery = z.strictObject({ agencyId: z.string().max(50).optional() });
type DeskListQuery = z.infer<typeof DeskListQuery>;

const CalendarQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional().describe('Omit: the current year.'),
});
type CalendarQuery = z.infer<typeof CalendarQuery>;

const OfficeHoursBody = z.strictObject({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) });

const CalendarSettingsBody = z.strictObject({
  officeHours: z.array(OfficeHoursBody).min(1),
  weeklyRestDays: z.array(z.int().min(1).max(7)).describe('ISO weekdays, 1 Monday … 7 Sunday.'),
});

const CalendarOverrideBody = z.strictObject({
  kind: z.enum(['day_off', 'working_day']),
  reason: z.string().max(500).default(''),
});

const CALENDAR_INVALID = { description: 'The calendar change is invalid.', codes: ['CALENDAR_INVALID'] };

/** The province's administrative structure and working calendar (tenant admin; reading: staff). */
@Controller('v1')
@RouteAccess({ tenant: 'required' })
@DependsOn('catalogue')
export class CatalogueAdminController {
  constructor(private readonly clients: ServiceClients) {}

  @Get('units')
  @ApiOperation({
    summary: "The province's administrative units",
    tags: ['catalogue-admin'],
    responses: { 200: { description: 'The units, by code.', schema: AdministrativeUnitListSchema } },
  })
  listUnits(@Query(new ZodQueryPipe(UnitListQuery)) query: UnitListQuery): Promise<CatalogueV1.ListAdministrativeUnitsResponse> {
    return this.clients.catalogue.listAdministrativeUnits({ level: query.level ?? '', parentCode: query.parentCode ?? '', asOf: query.asOf ?? '' });
  }

  @Put('units/:code')
  @ApiOperation({
    summary: 'Create or update an administrative unit (tenant admin)',
    tags: ['catalogue-admin'],
    params: { code: 'The official code (province 2 digits, district 3, commune 5).' },
    responses: {
      200: { description: 'The unit, as stored.', schema: AdministrativeUnitSchema },
      400: { description: 'The unit is invalid.', codes: ['UNIT_INVALID'] },
    },
  })
  upsertUnit(@Param('code') code: string, @Body(new ZodBodyPipe(UnitBody)) body: z.infer<typeof UnitBody>): Promise<CatalogueV1.AdministrativeUnit> {
    return this.clients.catalogue.upsertAdministrativeUnit({
      unit: { code, name: body.name, level: body.level, parentCode: body.parentCode ?? '', validFrom: body.validFrom ?? '', validTo: body.validTo ?? '' },
    });
  }

  @Get('agencies')
  @ApiOperation({
    summary: "The province's agencies",
    tags: ['catalogue-admin'],
    responses: { 200: { description: 'The agencies, by id.', schema: AgencyListSchema } },
  })
  listAgencies(@Query(new ZodQueryPipe(AgencyListQuery)) query: AgencyListQuery): Promise<CatalogueV1.ListAgenciesResponse> {
    return this.clients.catalogue.listAgencies({ unitCode: query.unitCode ?? '', kind: query.kind ?? '', asOf: query.asOf ?? '' });
  }

  @Put('agencies/:id')
  @ApiOperation({
    summary: 'Create or update an agency (tenant admin)',
    tags: ['catalogue-admin'],
    params: { id: 'The identifier code, e.g. `000.00.17.H33`.' },
    responses: {
      200: { description: 'The agency, as stored.', schema: AgencySchema },
      400: { description: 'The agency is invalid.', codes: ['AGENCY_INVALID'] },
      404: { description: 'No such unit.', codes: ['UNIT_NOT_FOUND'] },
    },
  })
  upsertAgency(@Param('id') id: string, @Body(new ZodBodyPipe(AgencyBody)) body: z.infer<typeof AgencyBody>): Promise<CatalogueV1.Agency> {
    return this.clients.catalogue.upsertAgency({
      agency: {
        id,
        name: body.name,
        kind: body.kind,
        unitCode: body.unitCode,
        parentId: body.parentId ?? '',
        validFrom: body.validFrom ?? '',
        validTo: body.validTo ?? '',
      },
    });
  }

  @Get('desks')
  @ApiOperation({
    summary: "The province's one-stop desks",
    tags: ['catalogue-admin'],
    responses: { 200: { description: 'The desks, by id.', schema: DeskListSchema } },
  })
  listDesks(@Query(new ZodQueryPipe(DeskListQuery)) query: DeskListQuery): Promise<CatalogueV1.ListDesksResponse> {
    return this.clients.catalogue.listDesks({ agencyId: query.agencyId ?? '' });
  }

  @Put('desks/:id')
  @ApiOperation({
    summary: 'Create or update a one-stop desk (tenant admin)',
    tags: ['catalogue-admin'],
    params: { id: 'The desk id, e.g. `H33-TTPVHCC-Q01`.' },
    responses: {
      200: { description: 'The desk, as stored.', schema: DeskSchema },
      400: { description: 'The desk is invalid.', codes: ['DESK_INVALID'] },
      404: { description: 'No such agency.', codes: ['AGENCY_NOT_FOUND'] },
    },
  })
  upsertDesk(@Param('id') id: string, @Body(new ZodBodyPipe(DeskBody)) body: z.infer<typeof DeskBody>): Promise<CatalogueV1.Desk> {
    return this.clients.catalogue.upsertDesk({ desk: { id, ...body } });
  }

  @Get('calendar')
  @ApiOperation({
    summary: "The province's working calendar for a year",
    tags: ['catalogue-admin'],
    responses: { 200: { description: 'The calendar.', schema: CalendarSchema } },
  })
  calendar(@Query(new ZodQueryPipe(CalendarQuery)) query: CalendarQuery): Promise<CatalogueV1.Calendar> {
    return this.clients.catalogue.getCalendar({ year: query.year ?? 0 });
  }

  @Put('calendar/settings')
  @ApiOperation({
    summary: 'Set office hours and weekly rest days (tenant admin)',
    tags: ['catalogue-admin'],
    responses: { 200: { description: 'The calendar, changed.', schema: CalendarSchema }, 400: CALENDAR_INVALID },
  })
  updateSettings(@Body(new ZodBodyPipe(CalendarSettingsBody)) body: z.infer<typeof CalendarSettingsBody>): Promise<CatalogueV1.Calendar> {
    return this.clients.catalogue.updateCalendarSettings(body);
  }

  @Put('calendar/overrides/:date')
  @ApiOperation({
    summary: 'Make a day a day off or a working day (tenant admin)',
    tags: ['catalogue-admin'],
    params: { date: 'The day, YYYY-MM-DD.' },
    responses: { 200: { description: 'The calendar, changed.', schema: CalendarSchema }, 400: CALENDAR_INVALID },
  })
  upsertOverride(
    @Param('date') date: string,
    @Body(new ZodBodyPipe(CalendarOverrideBody)) body: z.infer<typeof CalendarOverrideBody>,
  ): Promise<CatalogueV1.Calendar> {
    return this.clients.catalogue.upsertCalendarOverride({ override: { date, kind: body.kind, reason: body.reason } });
  }

  @Delete('calendar/overrides/:date')
  @ApiOperation({
    summary: "Remove a day's override (tenant admin)",
    tags: ['catalogue-admin'],
    params: { date: 'The day, YYYY-MM-DD.' },
    responses: {
      200: { description: 'The calendar, changed.', schema: CalendarSchema },
      400: CALENDAR_INVALID,
      404: { description: 'No override on that day.', codes: ['CALENDAR_OVERRIDE_NOT_FOUND'] },
    },
  })
  removeOverride(@Param('date') date: string): Promise<CatalogueV1.Calendar> {
    return this.clients.catalogue.removeCalendarOverride({ date });
  }
}
