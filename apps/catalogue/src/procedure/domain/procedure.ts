import { FieldError } from '@motcua/domain-kernel';
import { CatalogueError, CatalogueErrorCode } from './catalogue.errors';

export interface RequiredComponent {
  code: string;
  name: string;
  mandatory: boolean;
}

/** An administrative procedure (TTHC) of a tenant, at one version. */
export interface Procedure {
  id: string;
  code: string;
  name: string;
  processingDays: number;
  /** Identifier code of the competent agency (used in dossier codes), e.g. `000.00.17.H33`. */
  agencyId: string;
  components: RequiredComponent[];
  version: number;
  createdAt: Date;
}

export interface ProcedureDraft {
  code: string;
  name: string;
  processingDays: number;
  agencyId: string;
  components: RequiredComponent[];
}

/** National procedure codes: `1.001193`, optionally with a local suffix (`1.001193.000.00.00.H12`). */
const PROCEDURE_CODE = /^\d\.\d{6}(\.[0-9A-Z]+)*$/;
const AGENCY_CODE = /^[0-9A-Z][0-9A-Z.]{2,39}$/;
const COMPONENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export function createProcedure(id: string, draft: ProcedureDraft, now: Date): Procedure {
  const errors: FieldError[] = [];
  if (!PROCEDURE_CODE.test(draft.code)) errors.push({ field: 'code', message: 'a national procedure code such as 1.001193' });
  const name = draft.name.trim();
  if (name.length < 3 || name.length > 500) errors.push({ field: 'name', message: '3–500 characters' });
  if (!Number.isInteger(draft.processingDays) || draft.processingDays < 0 || draft.processingDays > 365) {
    errors.push({ field: 'processingDays', message: 'a whole number of working days, 0–365' });
  }
  if (!AGENCY_CODE.test(draft.agencyId)) errors.push({ field: 'agencyId', message: 'an agency identifier code such as 000.00.17.H33' });
  const seen = new Set<string>();
  draft.components.forEach((component, index) => {
    if (!COMPONENT_CODE.test(component.code)) errors.push({ field: `components[${index}].code`, message: '1–32 letters, digits, - or _' });
    else if (seen.has(component.code)) errors.push({ field: `components[${index}].code`, message: 'repeated' });
    seen.add(component.code);
    if (component.name.trim().length < 2) errors.push({ field: `components[${index}].name`, message: 'required' });
  });
  if (errors.length > 0) throw new CatalogueError(CatalogueErrorCode.InvalidProcedure, 'The procedure is invalid', { errors });
  return {
    id,
    code: draft.code,
    name,
    processingDays: draft.processingDays,
    agencyId: draft.agencyId,
    components: draft.components.map((c) => ({ code: c.code, name: c.name.trim(), mandatory: c.mandatory })),
    version: 1,
    createdAt: now,
  };
}
