import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CatalogueV1 } from '@motcua/contracts';
import { RouteAccess } from '../access/route-access.decorator';
import { ServiceClients } from '../clients/service-clients';
import { DependsOn } from '../health/depends-on.decorator';
import { ETagged } from '../http/etag';
import { CursorPage, cursorPage, pageQuerySchema, pageRequest, setPageLinks } from '../http/pagination';
import { ZodBodyPipe, ZodQueryPipe } from '../http/zod-body.pipe';
import { ApiOperation } from '../openapi/api-operation.decorator';
import { ImportCatalogueResultSchema, ProcedureSchema, ProcedureSearchPageSchema, ProcedureVersionsSchema } from './contracts.schema';

const CreateProcedureBody = z.strictObject({
  code: z.string(),
  name: z.string(),
  processingDays: z.int(),
  agencyId: z.string(),
  components: z.array(z.strictObject({ code: z.string(), name: z.string(), mandatory: z.boolean() })),
});

const SearchQuery = pageQuerySchema({ defaultLimit: 20, maxLimit: 100 }).extend({
  q: z.string().max(200).optional().describe('Words (diacritics optional) or a code prefix such as `1.0011`; omit: every procedure in force.'),
  field: z.string().max(200).optional().describe('The field, as published (e.g. `Hộ tịch`).'),
  level: z.enum(['province', 'district', 'commune']).optional(),
  agency: z.string().max(50).optional().describe("The competent agency's identifier code, e.g. `000.00.17.H33`."),
  onlineLevel: z.enum(['full', 'partial', 'none']).optional(),
});
type SearchQuery = z.infer<typeof SearchQuery>;

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ProcedureAsOfQuery = z.strictObject({
  asOf: z
    .string()
    .regex(LOCAL_DATE, 'a date, YYYY-MM-DD')
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+07:00`)), 'a date, YYYY-MM-DD')
    .optional()
    .describe('The version in force on this day (province time, YYYY-MM-DD); omit: now.'),
});
type ProcedureAsOfQuery = z.infer<typeof ProcedureAsOfQuery>;

const vnd = () => z.string().regex(/^\d{1,15}$/, 'VND, a whole number as a decimal string');
const codes = () => z.array(z.string()).default([]);

const DecisionBody = z.strictObject({ number: z.string().min(1).describe('e.g. `1234/QĐ-UBND`.'), date: z.string().regex(LOCAL_DATE, 'a date, YYYY-MM-DD') });

const DefinitionBody = z.strictObject({
  name: z.string(),
  field: z.string(),
  level: z.enum(['province', 'district', 'commune']),
  competentAgencyId: z.string().default('').describe("Empty (commune level): the People's Committee of the applicant's unit."),
  implementingAgencyId: z.string().default('').describe('Empty: the competent agency.'),
  legalBasis: codes(),
  components: z.array(
    z.strictObject({
      code: z.string(),
      name: z.string(),
      mandatory: z.boolean(),
      form: z.enum(['original', 'copy', 'certified_copy', 'original_or_copy']).default('original'),
      count: z.int().min(0).default(1),
      formTemplate: z.string().default(''),
      documentType: z.string().default(''),
    }),
  ),
  processingTime: z.strictObject({ unit: z.enum(['days', 'hours']), amount: z.int().min(0) }),
  fees: z
    .strictObject({
      variants: z.array(z.strictObject({ code: z.string(), name: z.string() })).default([]),
      items: z
        .array(
          z.strictObject({
            code: z.string(),
            name: z.string(),
            kind: z.enum(['fee', 'charge']),
            amount: vnd(),
            unit: z.string().default(''),
            tiers: z.array(z.strictObject({ fromUnit: z.int().min(2), amount: vnd() })).default([]),
            cap: vnd().optional(),
            variantAmounts: z.array(z.strictObject({ variant: z.string(), amount: vnd() })).default([]),
          }),
        )
        .default([]),
      exemptions: z
        .array(z.strictObject({ code: z.string(), name: z.string(), attributes: codes(), items: codes(), percent: z.int().min(1).max(100) }))
        .default([]),
      discounts: z
        .array(z.strictObject({ code: z.string(), name: z.string(), channels: codes(), items: codes(), percent: z.int().min(1).max(100) }))
        .default([]),
    })
    .nullable()
    .default(null),
  results: z.array(z.strictObject({ code: z.string(), name: z.string(), documentType: z.string().default('') })).default([]),
  onlineLevel: z.enum(['full', 'partial', 'none']),
  locationIndependent: z.boolean().default(false),
  postalIntake: z.boolean().default(false),
  postalReturn: z.boolean().default(false),
  internalProcess: z
    .array(
      z.strictObject({
        name: z.string(),
        role: z.enum(['desk_officer', 'specialist', 'leader', 'clerk']),
        agencyId: z.string().default(''),
        share: z.number().positive().max(1),
        handsOver: z.boolean().default(false),
      }),
    )
    .default([]),
  onTheSpot: z
    .boolean()
    .default(false)
    .describe('On the spot (4 tại chỗ): received, appraised, approved and returned at the desk in one visit; needs a processing time of at most 1 working day (8 working hours) and no handover.'),
});

const AmendProcedureBody = z.strictObject({
  definition: DefinitionBody.describe('Everything the new version says.'),
  effectiveFrom: z.string().default('').describe('RFC 3339, or YYYY-MM-DD for 00:00 Vietnam time; omit: now.'),
  decision: DecisionBody.describe('The decision publishing the new version.'),
});

const WithdrawProcedureBody = z.strictObject({
  effectiveTo: z.string().default('').describe('RFC 3339, or YYYY-MM-DD; omit: now.'),
  decision: DecisionBody.describe('The decision withdrawing the procedure.'),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Controller('v1/procedures')
@RouteAccess({ tenant: 'required' })
@DependsOn('catalogue')
export class ProceduresController {
  constructor(private readonly clients: ServiceClients) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: "Publish a procedure in the province's catalogue (tenant admin)",
    responses: {
      201: { description: 'Version 1 of the procedure, in force now.', schema: ProcedureSchema },
      400: { description: 'The procedure is invalid.', codes: ['PROCEDURE_INVALID'] },
      409: { description: 'A procedure with this code exists.', codes: ['PROCEDURE_EXISTS'] },
    },
  })
  create(@Body(new ZodBodyPipe(CreateProcedureBody)) body: z.infer<typeof CreateProcedureBody>): Promise<CatalogueV1.Procedure> {
    return this.clients.catalogue.createProcedure(body);
  }

  /** Public search of the procedures in force (the service's page token rides in the cursor). */
  @Get()
  @ApiOperation({
    summary: 'Search the procedures in force (anyone signed in)',
    responses: {
      200: {
        description: 'One page of matching procedures, best first.',
        schema: ProcedureSearchPageSchema,
        headers: { Link: { description: 'RFC 8288: `<…>; rel="next"` while another page follows.' } },
      },
    },
  })
  async search(
    @Query(new ZodQueryPipe(SearchQuery)) query: SearchQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CursorPage<CatalogueV1.ProcedureSearchHit>> {
    const request = pageRequest('procedure-search', query);
    const token = request.after?.token;
    const answer = await this.clients.catalogue.searchProcedures({
      query: query.q ?? '',
      field: query.field ?? '',
      level: query.level ?? '',
      agencyCode: query.agency ?? '',
      onlineLevel: query.onlineLevel ?? '',
      pageSize: request.limit,
      pageToken: typeof token === 'string' ? token : '',
    });
    const filters: Record<string, string> = {};
    for (const name of ['q', 'field', 'level', 'agency', 'onlineLevel'] as const) {
      const value = query[name];
      if (value !== undefined) filters[name] = value;
    }
    const page = cursorPage('procedure-search', answer.procedures, answer.nextPageToken ? { token: answer.nextPageToken } : undefined, {
      path: '/v1/procedures',
      limit: request.limit,
      query: filters,
    });
    setPageLinks(reply, page);
    return page;
  }

  @Post(':key/versions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Publish a new version of a procedure (tenant admin)',
    description: 'The version in force until then ends when the new one starts (`superseded`); dossiers keep the version they were submitted under.',
    params: { key: 'The procedure id (uuid) or its national code.' },
    responses: {
      201: { description: 'The new version.', schema: ProcedureSchema },
      400: { description: 'The version is invalid.', codes: ['PROCEDURE_INVALID'] },
      404: { description: 'No such procedure.', codes: ['PROCEDURE_NOT_FOUND'] },
      409: { description: 'Another version starts at the same time, or the procedure was withdrawn.', codes: ['PROCEDURE_VERSION_CONFLICT'] },
    },
  })
  amend(@Param('key') key: string, @Body(new ZodBodyPipe(AmendProcedureBody)) body: z.infer<typeof AmendProcedureBody>): Promise<CatalogueV1.Procedure> {
    const publication = { effectiveFrom: body.effectiveFrom, decision: body.decision };
    return this.clients.catalogue.amendProcedure({ ...(UUID.test(key) ? { id: key } : { code: key }), definition: body.definition, publication });
  }

  @Post(':key/withdrawal')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw a procedure from the catalogue (tenant admin)',
    params: { key: 'The procedure id (uuid) or its national code.' },
    responses: {
      200: { description: 'The last version, ended (`withdrawn`).', schema: ProcedureSchema },
      400: { description: 'The withdrawal is invalid.', codes: ['PROCEDURE_INVALID'] },
      404: { description: 'No such procedure.', codes: ['PROCEDURE_NOT_FOUND'] },
      409: { description: 'The procedure is already withdrawn.', codes: ['PROCEDURE_VERSION_CONFLICT'] },
    },
  })
  withdraw(
    @Param('key') key: string,
    @Body(new ZodBodyPipe(WithdrawProcedureBody)) body: z.infer<typeof WithdrawProcedureBody>,
  ): Promise<CatalogueV1.Procedure> {
    return this.clients.catalogue.withdrawProcedure({ ...(UUID.test(key) ? { id: key } : { code: key }), effectiveTo: body.effectiveTo, decision: body.decision });
  }

  @Get(':key/versions')
  @ApiOperation({
    summary: "A procedure's versions, oldest first",
    params: { key: 'The procedure id (uuid) or its national code.' },
    responses: {
      200: { description: 'Every version, with its period in force.', schema: ProcedureVersionsSchema },
      404: { description: 'No such procedure.', codes: ['PROCEDURE_NOT_FOUND'] },
    },
  })
  versions(@Param('key') key: string): Promise<CatalogueV1.ListProcedureVersionsResponse> {
    return this.clients.catalogue.listProcedureVersions(UUID.test(key) ? { id: key } : { code: key });
  }

  /** By id (uuid) or by national code. */
  @Get(':key')
  @ETagged()
  @ApiOperation({
    summary: 'A procedure, as in force now or on a given day',
    params: { key: 'The procedure id (uuid) or its national code (e.g. `1.001193`).' },
    responses: {
      200: { description: 'The procedure.', schema: ProcedureSchema },
      404: { description: 'No such procedure, or none in force then.', codes: ['PROCEDURE_NOT_FOUND', 'PROCEDURE_NOT_IN_FORCE'] },
    },
  })
  get(@Param('key') key: string, @Query(new ZodQueryPipe(ProcedureAsOfQuery)) query: ProcedureAsOfQuery): Promise<CatalogueV1.Procedure> {
    const asOf = query.asOf === undefined ? {} : { asOf: `${query.asOf}T00:00:00+07:00` };
    return this.clients.catalogue.getProcedure(UUID.test(key) ? { id: key, ...asOf } : { code: key, ...asOf });
  }
}

const ImportCatalogueBody = z.strictObject({
  catalogue: z.looseObject({}).describe('The catalogue file (format `motcua.catalogue/v1`), as a JSON object.'),
  csv: z
    .record(z.enum(['units', 'agencies', 'desks', 'units.csv', 'agencies.csv', 'desks.csv']), z.string().max(5_000_000))
    .optional()
    .describe('CSV files for the flat parts, by name (`units`, `agencies`, `desks`).'),
  dryRun: z.boolean().default(false).describe('Validate and plan only: nothing is stored.'),
});

@Controller('v1/catalogue')
@RouteAccess({ tenant: 'required' })
@DependsOn('catalogue')
export class CatalogueImportsController {
  constructor(private readonly clients: ServiceClients) {}

  @Post('imports')
  @HttpCode(200)
  @ApiOperation({
    summary: "Import the province's catalogue file (tenant admin)",
    description: 'Units, agencies, desks and procedures are created or updated (a changed procedure gets a new version); importing the same file again changes nothing.',
    responses: {
      200: { description: 'What the import did (or would do, in a dry run).', schema: ImportCatalogueResultSchema },
      400: { description: 'The file is invalid.', codes: ['CATALOGUE_IMPORT_INVALID'] },
      409: { description: 'The file would rewrite stored history: nothing stored.', codes: ['CATALOGUE_IMPORT_CONFLICT'] },
    },
  })
  import(@Body(new ZodBodyPipe(ImportCatalogueBody)) body: z.infer<typeof ImportCatalogueBody>): Promise<CatalogueV1.ImportCatalogueResponse> {
    const csv: Record<string, string> = {};
    for (const [name, text] of Object.entries(body.csv ?? {})) if (text !== undefined) csv[name] = text;
    return this.clients.catalogue.importCatalogue({
      json: Buffer.from(JSON.stringify(body.catalogue), 'utf8'),
      csv,
      dryRun: body.dryRun,
    });
  }
}
