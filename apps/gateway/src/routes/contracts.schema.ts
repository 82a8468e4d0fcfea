// Response schemas of the API, mirroring the ts-proto contract types the services answer
// with: `mirrorsContract` fails to compile when a contract field is missing or retyped.
import { z } from 'zod';
import { CatalogueV1, EvaluationV1, IntakeV1, ProcessingV1, TenantsV1 } from '@motcua/contracts';
import { cursorPageSchema } from '../http/pagination';
import { apiSchema, documentedLoosely, mirrorsContract } from '../openapi/api-schemas';

const instant = () => z.string().describe('RFC 3339 instant, UTC.');

export const TenantSchema = apiSchema(
  'Tenant',
  mirrorsContract<TenantsV1.Tenant>()(
    z
      .object({
        id: z.string().describe('Stable slug, e.g. `hung-yen`.'),
        officialCode: z.string().describe('The 2-digit provincial code, e.g. `33`.'),
        name: z.string().describe('The official Vietnamese name.'),
        status: z.string().describe('`active`.'),
        onboardedAt: instant(),
      })
      .describe('A province on the platform.'),
  ),
);

export const TenantPageSchema = apiSchema('TenantPage', cursorPageSchema(TenantSchema).describe('One page of the registry, in id order.'));

export const ComponentSchema = apiSchema(
  'Component',
  mirrorsContract<CatalogueV1.Component>()(
    z
      .object({
        code: z.string().describe('Stable within the procedure, e.g. `TK01`.'),
        name: z.string(),
        mandatory: z.boolean(),
        form: z.string().describe('`original`, `copy`, `certified_copy` or `original_or_copy`.'),
        count: z.int32(),
        formTemplate: z.string().describe('Reference of the form template; empty: none.'),
        documentType: z.string().describe('Type code for reuse from the document wallet; empty: none.'),
      })
      .describe('A paper of the dossier.'),
  ),
);

export const DecisionRefSchema = apiSchema(
  'DecisionRef',
  mirrorsContract<CatalogueV1.DecisionRef>()(
    z.object({ number: z.string().describe('e.g. `1234/QĐ-UBND`.'), date: z.string().describe('YYYY-MM-DD.') }),
  ),
);

export const ProcedureSchema = apiSchema(
  'Procedure',
  mirrorsContract<CatalogueV1.Procedure>()(
    z
      .object({
        id: z.string().describe('The procedure (stable across versions), a uuid.'),
        code: z.string().describe('The national code, e.g. `1.001193`.'),
        name: z.string(),
        processingDays: z.int32().describe('Working days when the processing time is counted in days, else 0.'),
        components: z.array(ComponentSchema),
        version: z.int32(),
        createdAt: z.string().describe('When version 1 was published (RFC 3339).'),
        agencyId: z.string().describe('The competent agency, e.g. `000.00.17.H33`; empty when resolved per unit.'),
        versionId: z.string().describe('The version, as a dossier keeps it.'),
        effectiveFrom: instant(),
        effectiveTo: z.string().describe('RFC 3339; empty: open-ended.'),
        decision: DecisionRefSchema.nullable(),
        endedBy: z.string().describe('Empty, `superseded` or `withdrawn`.'),
        endDecision: DecisionRefSchema.nullable(),
        publishedAt: instant(),
        publishedBy: z.string().describe("The publishing actor's subject."),
        definition: documentedLoosely<CatalogueV1.ProcedureDefinition>(
          'Everything this version says: field, level, agencies, legal basis, components, processing time, fees, results, internal process (see the catalogue contract).',
        ).nullable(),
      })
      .describe('One version of an administrative procedure (TTHC) of the province.'),
  ),
);

export const ProcedureVersionsSchema = apiSchema(
  'ProcedureVersions',
  mirrorsContract<CatalogueV1.ListProcedureVersionsResponse>()(z.object({ versions: z.array(ProcedureSchema) })),
);

export const SubmittedComponentSchema = apiSchema(
  'SubmittedComponent',
  mirrorsContract<IntakeV1.SubmittedComponent>()(
    z.object({
      componentCode: z.string().describe('A `RequiredComponent.code` of the procedure.'),
      fileReference: z.string().describe('An uploaded file or a document-wallet entry.'),
    }),
  ),
);

export const DossierSchema = apiSchema(
  'Dossier',
  mirrorsContract<IntakeV1.Dossier>()(
    z
      .object({
        id: z.string(),
        procedureId: z.string(),
        procedureCode: z.string(),
        status: z.string().describe('`submitted`, `in_processing`, …'),
        channel: z.string().describe('`online`, `desk` or `postal`.'),
        submittedAt: instant(),
        updatedAt: instant(),
        components: z.array(SubmittedComponentSchema),
        agencyId: z.string().describe('The competent agency handling the dossier.'),
      })
      .describe('A dossier (hồ sơ) as its applicant and the staff see it.'),
  ),
);

export const TaskSchema = apiSchema(
  'Task',
  mirrorsContract<ProcessingV1.Task>()(
    z.object({
      id: z.string(),
      dossierId: z.string(),
      step: z.string().describe("The step's name in the internal process."),
      status: z.string().describe('`open`, `done` or `cancelled`.'),
      createdAt: instant(),
      agencyId: z.string().describe('The agency whose pool holds the task.'),
      stepIndex: z.number().int(),
      role: z.string().describe('`desk_officer`, `specialist` or `leader`.'),
      assignee: z.string().describe("The officer's subject; empty: in the agency's pool."),
      dueAt: instant(),
      closedAt: z.string().describe('RFC 3339; empty while open.'),
      closedBy: z.string(),
      overdue: z.boolean().describe('Open and past its due instant.'),
    }),
  ),
);

export const DossierTasksSchema = apiSchema(
  'DossierTasks',
  mirrorsContract<ProcessingV1.ListDossierTasksResponse>()(z.object({ tasks: z.array(TaskSchema) })),
);

export const DossierCountersSchema = apiSchema(
  'DossierCounters',
  mirrorsContract<EvaluationV1.DossierCounters>()(
    z.object({
      tenantId: z.string(),
      submitted: z.string().regex(/^\d+$/).describe('A 64-bit count, as a decimal string.'),
      updatedAt: z.string().describe('RFC 3339; empty while nothing was counted.'),
    }),
  ),
);

export const ProcessingTimeSchema = apiSchema(
  'ProcessingTime',
  mirrorsContract<CatalogueV1.ProcessingTime>()(
    z.object({
      unit: z.string().describe('`days` (working days) or `hours` (working hours).'),
      amount: z.int32(),
    }),
  ),
);

export const ProcedureSearchHitSchema = apiSchema(
  'ProcedureSearchHit',
  mirrorsContract<CatalogueV1.ProcedureSearchHit>()(
    z
      .object({
        procedureId: z.string(),
        versionId: z.string(),
        code: z.string().describe('The national code, e.g. `1.001193`.'),
        name: z.string(),
        field: z.string(),
        level: z.string().describe('`province`, `district` or `commune`.'),
        agencyCode: z.string().describe("The competent agency's code; empty: the People's Committee of the applicant's unit."),
        agencyName: z.string(),
        onlineLevel: z.string().describe('`full`, `partial` or `none`.'),
        processingTime: ProcessingTimeSchema.nullable(),
      })
      .describe('A procedure in force that matches a search.'),
  ),
);

export const ProcedureSearchPageSchema = apiSchema(
  'ProcedureSearchPage',
  cursorPageSchema(ProcedureSearchHitSchema).describe('One page of matching procedures, best first.'),
);

export const ImportCountSchema = apiSchema(
  'ImportCount',
  mirrorsContract<CatalogueV1.ImportCount>()(z.object({ created: z.int32(), updated: z.int32(), unchanged: z.int32() })),
);

export const ImportCatalogueResultSchema = apiSchema(
  'ImportCatalogueResult',
  mirrorsContract<CatalogueV1.ImportCatalogueResponse>()(
    z
      .object({
        dryRun: z.boolean(),
        changes: z.int32().describe('Writes made (or planned in a dry run); 0: the file changed nothing.'),
        units: ImportCountSchema.nullable(),
        agencies: ImportCountSchema.nullable(),
        desks: ImportCountSchema.nullable(),
        procedures: ImportCountSchema.nullable().describe('`created` (version 1), `updated` (a new version), `unchanged`.'),
        untouchedProcedures: z.array(z.string()).describe('Stored procedure codes absent from the file, left as they are.'),
      })
      .describe('What a catalogue import did (or, in a dry run, would do).'),
  ),
);

export const FeeSchema = apiSchema(
  'Fee',
  mirrorsContract<IntakeV1.Fee>()(
    z.object({
      item: z.string(),
      itemName: z.string(),
      kind: z.string(),
      type: z.string(),
      rule: z.string(),
      amount: z.string().regex(/^-?\d+$/).describe('VND, a 64-bit integer as a decimal string.'),
    }),
  ),
);

export const DossierDetailSchema = apiSchema(
  'DossierDetail',
  mirrorsContract<IntakeV1.DossierDetail>()(
    z
      .object({
        dossier: DossierSchema.nullable(),
        nationalStatus: z.int32().describe('The national status (TrangThaiHoSo 1–10).'),
        nationalChannel: z.int32().describe('1 in person, 2 online, 3 postal.'),
        procedureVersionId: z.string().describe('The exact procedure version the dossier keeps.'),
        code: z.string().describe('The dossier code, set at receipt; empty before.'),
        receivedAt: z.string().describe('RFC 3339; empty before receipt.'),
        appointmentAt: z.string().describe('When the result is due (RFC 3339); empty before receipt.'),
        appointmentLocalDate: z.string().describe('The appointment day, YYYY-MM-DD (province time).'),
        receivingAgencyId: z.string(),
        receivingDeskId: z.string(),
        submissionDeskId: z.string().describe('Desk or postal channel: the desk that entered it.'),
        fees: z.array(FeeSchema),
        feesTotal: z.string().regex(/^-?\d+$/).describe('VND, a 64-bit integer as a decimal string.'),
        supplementRequests: z.int32(),
      })
      .describe('A dossier as the desk work sees it: code, appointment, fees.'),
  ),
);

export const DossierActionSchema = apiSchema(
  'DossierAction',
  mirrorsContract<IntakeV1.DossierAction>()(
    z.object({
      id: z.string(),
      action: z.string().describe('`submitted`, `supplement_requested`, `resubmitted`, `received`, `refused` or `withdrawn`.'),
      actorSubject: z.string(),
      deskId: z.string(),
      at: instant(),
      detailsJson: z.string().describe('What the action said (missing items, reasons, code), as JSON text.'),
    }),
  ),
);

export const DossierActionsSchema = apiSchema(
  'DossierActions',
  mirrorsContract<IntakeV1.ListDossierActionsResponse>()(z.object({ actions: z.array(DossierActionSchema) })),
);

export const PendingCheckSchema = apiSchema(
  'PendingCheck',
  mirrorsContract<IntakeV1.PendingCheck>()(
    z.object({ dossierId: z.string(), procedureCode: z.string(), status: z.string(), submittedAt: instant() }),
  ),
);

export const PendingCheckPageSchema = apiSchema(
  'PendingCheckPage',
  cursorPageSchema(PendingCheckSchema).describe('One page of dossiers waiting for a desk check, oldest first.'),
);

export const TrackedDossierSchema = apiSchema(
  'TrackedDossier',
  mirrorsContract<IntakeV1.TrackedDossier>()(
    z
      .object({
        code: z.string(),
        procedureCode: z.string(),
        status: z.string(),
        nationalStatus: z.int32(),
        receivedAt: z.string(),
        appointmentAt: z.string(),
        updatedAt: z.string(),
      })
      .describe('What anyone holding the code and the secret may see of a dossier.'),
  ),
);

const localDate = () => z.string().describe('YYYY-MM-DD.');

export const AdministrativeUnitSchema = apiSchema(
  'AdministrativeUnit',
  mirrorsContract<CatalogueV1.AdministrativeUnit>()(
    z
      .object({
        code: z.string().describe('Official code: province 2 digits, district 3, commune 5.'),
        name: z.string(),
        level: z.string().describe('`province`, `district` or `commune`.'),
        parentCode: z.string().describe('Empty for a province.'),
        validFrom: localDate(),
        validTo: z.string().describe('YYYY-MM-DD, exclusive; empty: still valid.'),
      })
      .describe('An administrative unit of the province.'),
  ),
);

export const AdministrativeUnitListSchema = apiSchema(
  'AdministrativeUnitList',
  mirrorsContract<CatalogueV1.ListAdministrativeUnitsResponse>()(z.object({ units: z.array(AdministrativeUnitSchema) })),
);

export const AgencySchema = apiSchema(
  'Agency',
  mirrorsContract<CatalogueV1.Agency>()(
    z
      .object({
        id: z.string().describe('Identifier code, e.g. `000.00.17.H33`.'),
        name: z.string(),
        kind: z.string().describe('`people_committee`, `department`, `service_centre` or `other`.'),
        unitCode: z.string().describe('The administrative unit it serves.'),
        parentId: z.string().describe('Empty: none.'),
        validFrom: localDate(),
        validTo: z.string().describe('YYYY-MM-DD, exclusive; empty: still valid.'),
      })
      .describe('An agency of the province.'),
  ),
);

export const AgencyListSchema = apiSchema(
  'AgencyList',
  mirrorsContract<CatalogueV1.ListAgenciesResponse>()(z.object({ agencies: z.array(AgencySchema) })),
);

export const DeskSchema = apiSchema(
  'Desk',
  mirrorsContract<CatalogueV1.Desk>()(
    z
      .object({
        id: z.string().describe('e.g. `H33-TTPVHCC-Q01`.'),
        name: z.string(),
        agencyId: z.string().describe('The agency the desk belongs to.'),
        unitCodes: z.array(z.string()).describe('Units whose applicants it serves (a unit covers its descendants).'),
        procedureCodes: z.array(z.string()).describe('Procedures it receives.'),
        levels: z.array(z.string()).describe('And every procedure of these levels.'),
        active: z.boolean(),
      })
      .describe('A one-stop desk (counter) and what it may receive.'),
  ),
);

export const DeskListSchema = apiSchema('DeskList', mirrorsContract<CatalogueV1.ListDesksResponse>()(z.object({ desks: z.array(DeskSchema) })));

export const OfficeHoursSchema = apiSchema(
  'OfficeHours',
  mirrorsContract<CatalogueV1.OfficeHours>()(z.object({ start: z.string().describe('HH:MM.'), end: z.string().describe('HH:MM.') })),
);

export const CalendarOverrideSchema = apiSchema(
  'CalendarOverride',
  mirrorsContract<CatalogueV1.CalendarOverride>()(
    z.object({ date: localDate(), kind: z.string().describe('`day_off` or `working_day`.'), reason: z.string() }),
  ),
);

export const CalendarDaySchema = apiSchema(
  'CalendarDay',
  mirrorsContract<CatalogueV1.CalendarDay>()(
    z.object({ date: localDate(), working: z.boolean(), kind: z.string().describe('e.g. `published-day-off`, `tenant-working-day`.') }),
  ),
);

export const CalendarSchema = apiSchema(
  'Calendar',
  mirrorsContract<CatalogueV1.Calendar>()(
    z
      .object({
        officeHours: z.array(OfficeHoursSchema),
        weeklyRestDays: z.array(z.int32()).describe('ISO weekdays, 1 Monday … 7 Sunday.'),
        overrides: z.array(CalendarOverrideSchema),
        revision: z.int32().describe('0 until the province changes anything.'),
        year: z.int32(),
        exceptions: z.array(CalendarDaySchema).describe("The year's days that are not ordinary working or rest days."),
      })
      .describe("The province's working calendar, for appointments."),
  ),
);
