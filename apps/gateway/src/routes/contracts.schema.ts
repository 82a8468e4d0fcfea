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
      step: z.string(),
      status: z.string().describe('`open` or `done`.'),
      createdAt: instant(),
      agencyId: z.string().describe('The agency whose pool holds the task.'),
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
