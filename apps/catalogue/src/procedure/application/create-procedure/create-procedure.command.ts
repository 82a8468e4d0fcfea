import { CatalogueV1 } from '@motcua/contracts';
import { FieldError } from '@motcua/domain-kernel';
import { FieldErrors } from '../../../shared/domain/validation';
import { CatalogueErrorCode, throwIfInvalid } from '../../domain/catalogue.errors';
import { NO_FEES } from '../../domain/fees';
import { ProcedureDefinition, Publication, validateDefinition, validatePublication, validateProcedureCode } from '../../domain/procedure';
import { definitionFromProto, DefinitionInput, publicationFromProto, PublicationInput } from '../definition.input';

export interface CreateProcedureInput {
  code?: string | null;
  name?: string | null;
  processingDays?: number | null;
  agencyId?: string | null;
  components?: ({ code?: string | null; name?: string | null; mandatory?: boolean | null } | null)[] | null;
  definition?: DefinitionInput | null;
  publication?: PublicationInput | null;
}

/** Fields of the short form, as the walking skeleton's clients name them. */
const SHORT_FORM_FIELDS: Record<string, string> = { 'processingTime.amount': 'processingDays', competentAgencyId: 'agencyId' };

/**
 * The short form (code, name, working days, components, competent agency): what the walking
 * skeleton's clients send. It does not say the field or level; the rest takes the platform's
 * defaults: components are one original each, no fees, online level "partial" (submit online,
 * finish at the desk), no postal service, no internal process yet.
 */
function shortForm(input: CreateProcedureInput, errors: FieldErrors): ProcedureDefinition {
  const definition: ProcedureDefinition = {
    name: input.name ?? '',
    field: null,
    level: null,
    competentAgencyId: input.agencyId ?? '',
    implementingAgencyId: null,
    legalBasis: [],
    components: (input.components ?? []).map((c) => ({
      code: c?.code ?? '',
      name: c?.name ?? '',
      mandatory: c?.mandatory ?? false,
      form: 'original',
      count: 1,
      formTemplate: null,
      documentType: null,
    })),
    processingTime: { unit: 'days', amount: input.processingDays ?? -1 },
    fees: NO_FEES,
    results: [],
    onlineLevel: 'partial',
    locationIndependent: false,
    postalIntake: false,
    postalReturn: false,
    internalProcess: [],
    onTheSpot: false,
  };
  const own: FieldError[] = [];
  validateDefinition(definition, new FieldErrors('', own));
  for (const error of own) errors.add(SHORT_FORM_FIELDS[error.field] ?? error.field, error.message);
  return definition;
}

/** Version 1 of a new procedure, its formats and rules checked with every field error at once. */
export class CreateProcedureCommand {
  private constructor(
    readonly code: string,
    readonly definition: ProcedureDefinition,
    readonly publication: Publication,
  ) {}

  static create(input: CreateProcedureInput | CatalogueV1.CreateProcedureRequest, now: Date): CreateProcedureCommand {
    const errors = new FieldErrors();
    const code = input.code ?? '';
    validateProcedureCode(code, errors);
    let definition: ProcedureDefinition;
    if (input.definition) {
      const mixed = Boolean(input.name) || Boolean(input.processingDays) || (input.components ?? []).length > 0 || Boolean(input.agencyId);
      errors.check(!mixed, 'definition', 'give the short form (name, processingDays, components, agencyId) or a definition, not both');
      definition = definitionFromProto(input.definition, errors.nested('definition'));
    } else {
      definition = shortForm(input, errors);
    }
    const publication = publicationFromProto(input.publication, errors.nested('publication'));
    validatePublication(publication, now, errors.nested('publication'), false);
    throwIfInvalid(CatalogueErrorCode.InvalidProcedure, 'The procedure is invalid', errors.errors);
    return new CreateProcedureCommand(code, definition, publication);
  }
}
