import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CatalogueError, CatalogueErrorCode } from '../domain/catalogue.errors';
import { PROCEDURE_CODE, ProcedureVersion } from '../domain/procedure';
import { ProcedureKey, ProcedureRepository } from '../persistence/procedure.repository';
import { parseInstant, UUID } from '../../shared/application/parse';
import { FieldErrors } from '../../shared/domain/validation';

/** Which version a question is about: an exact version, or the procedure's version in force at an instant. */
export type ProcedureSelector = { versionId: string } | { key: ProcedureKey; at: Date };

export interface SelectorInput {
  id?: string | null;
  code?: string | null;
  versionId?: string | null;
  asOf?: string | null;
}

/** Reads the key of a procedure (id or code); records format errors. */
export function parseProcedureKey(input: { id?: string | null; code?: string | null }, errors: FieldErrors): ProcedureKey | null {
  if (input.id) return errors.check(UUID.test(input.id), 'id', 'a uuid') ? { id: input.id.toLowerCase() } : null;
  if (input.code) return errors.check(PROCEDURE_CODE.test(input.code), 'code', 'a national procedure code such as 1.001193') ? { code: input.code } : null;
  errors.add('id', 'give the procedure id or its code');
  return null;
}

/** Reads a selector: a version id, or id/code with `asOf` (default `now`). Records format errors; null when any. */
export function parseSelector(input: SelectorInput, now: Date, errors: FieldErrors): ProcedureSelector | null {
  if (input.versionId) return errors.check(UUID.test(input.versionId), 'versionId', 'a uuid') ? { versionId: input.versionId.toLowerCase() } : null;
  const key = parseProcedureKey(input, errors);
  const at = input.asOf ? parseInstant(input.asOf, errors, 'asOf') : now;
  return key && at ? { key, at } : null;
}

/** Throws CATALOGUE_QUERY_INVALID with every field error of a read. */
export function throwQueryErrors(errors: FieldErrors, code = CatalogueErrorCode.QueryInvalid): void {
  if (!errors.empty) throw new CatalogueError(code, 'The query is invalid', { errors: errors.errors });
}

/** The parsed values once no field error was recorded (throws `code` with them all otherwise). */
export function parsed<T extends unknown[]>(errors: FieldErrors, code: CatalogueErrorCode, ...values: { [K in keyof T]: T[K] | null }): T {
  throwQueryErrors(errors, code);
  if (values.some((value) => value === null)) throw new CatalogueError(code, 'The query is invalid', { errors: [] });
  return values as T;
}

/** Finds the version a selector names, or says why there is none (not found / not in force). */
@Injectable()
export class ProcedureReader {
  constructor(private readonly procedures: ProcedureRepository) {}

  async resolve(manager: EntityManager, selector: ProcedureSelector): Promise<ProcedureVersion> {
    if ('versionId' in selector) {
      const version = await this.procedures.findVersion(manager, selector.versionId);
      if (!version) throw new CatalogueError(CatalogueErrorCode.ProcedureNotFound, 'No such procedure version in this tenant', { versionId: selector.versionId });
      return version;
    }
    const { exists, version } = await this.procedures.findInForce(manager, selector.key, selector.at);
    if (!exists) throw new CatalogueError(CatalogueErrorCode.ProcedureNotFound, 'No such procedure in this tenant', { ...selector.key });
    if (!version) {
      throw new CatalogueError(CatalogueErrorCode.ProcedureNotInForce, 'No version of the procedure is in force at that instant', { ...selector.key, at: selector.at.toISOString() });
    }
    return version;
  }
}
