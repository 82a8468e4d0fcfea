import { FieldErrors } from '../../../shared/domain/validation';
import { CatalogueErrorCode, throwIfInvalid } from '../../domain/catalogue.errors';
import { ProcedureDefinition, Publication, validatePublication } from '../../domain/procedure';
import { ProcedureKey } from '../../persistence/procedure.repository';
import { definitionFromProto, DefinitionInput, publicationFromProto, PublicationInput } from '../definition.input';
import { parseProcedureKey } from '../procedure-selector';

export interface AmendProcedureInput {
  id?: string | null;
  code?: string | null;
  definition?: DefinitionInput | null;
  publication?: PublicationInput | null;
}

/** A new version of a procedure: the whole definition, from a date, by a decision. */
export class AmendProcedureCommand {
  private constructor(
    readonly key: ProcedureKey,
    readonly definition: ProcedureDefinition,
    readonly publication: Publication,
  ) {}

  static create(input: AmendProcedureInput, now: Date): AmendProcedureCommand {
    const errors = new FieldErrors();
    const key = parseProcedureKey(input, errors);
    const definition = definitionFromProto(input.definition, errors.nested('definition'));
    const publication = publicationFromProto(input.publication, errors.nested('publication'));
    validatePublication(publication, now, errors.nested('publication'), true);
    throwIfInvalid(CatalogueErrorCode.InvalidProcedure, 'The new version is invalid', errors.errors);
    return new AmendProcedureCommand(key as ProcedureKey, definition, publication);
  }
}
