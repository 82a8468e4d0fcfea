import { IsoDate } from '@motcua/calendar';
import { checkIsoDate, checkText, checkUnique, FieldErrors, isOneOf } from '../../shared/domain/validation';
import { CatalogueErrorCode, throwIfInvalid } from '../../procedure/domain/catalogue.errors';
import { AGENCY_CODE, PROCEDURE_CODE, PROCEDURE_LEVELS, ProcedureLevel } from '../../procedure/domain/procedure';

/**
 * The administrative structure of a tenant: units (province, commune, legacy district) with
 * official codes and validity dates, agencies with identifier codes, and one-stop desks with
 * what each may receive. Records are kept (never deleted): validity dates say when they held,
 * so codes of merged or abolished units still resolve.
 */

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

export const AGENCY_KINDS = ['people_committee', 'department', 'service_centre', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Validity in local dates: from `validFrom` (included) to `validTo` (excluded; null: still valid). */
export interface Validity {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export interface AdministrativeUnit extends Validity {
  code: string;
  name: string;
  level: UnitLevel;
  parentCode: string | null;
}

export interface Agency extends Validity {
  /** Identifier code, e.g. `000.00.17.H33`. */
  id: string;
  name: string;
  kind: AgencyKind;
  unitCode: string;
  parentId: string | null;
}

export interface Desk {
  id: string;
  name: string;
  agencyId: string;
  /** Units whose applicants it serves; a unit covers its descendants. */
  unitCodes: string[];
  procedureCodes: string[];
  /** Every procedure of these levels, besides the listed ones. */
  levels: ProcedureLevel[];
  active: boolean;
}

/** Official codes (General Statistics Office): province 2 digits, district 3, commune 5. */
const UNIT_CODE: Record<UnitLevel, RegExp> = { province: /^\d{2}$/, district: /^\d{3}$/, commune: /^\d{5}$/ };
/** Which level a unit's parent is at: a commune hangs under a district (before July 2025) or directly under the province. */
const PARENT_LEVELS: Record<UnitLevel, readonly UnitLevel[]> = { province: [], district: ['province'], commune: ['district', 'province'] };
const DESK_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

export function isUnitCode(code: string): boolean {
  return Object.values(UNIT_CODE).some((pattern) => pattern.test(code));
}

export function isDeskId(id: string): boolean {
  return DESK_ID.test(id);
}

export function isValidAt(record: Validity, date: IsoDate): boolean {
  return record.validFrom <= date && (record.validTo === null || date < record.validTo);
}

function validateValidity(record: Validity, errors: FieldErrors): void {
  const from = checkIsoDate(errors, record.validFrom, 'validFrom');
  if (record.validTo !== null && checkIsoDate(errors, record.validTo, 'validTo') && from) {
    errors.check(record.validFrom < record.validTo, 'validTo', 'after validFrom');
  }
}

/**
 * Checks a unit; `parent` is the stored unit named by parentCode (undefined: not found).
 * Throws UNIT_INVALID with every field error.
 */
export function checkUnit(unit: AdministrativeUnit, parent: AdministrativeUnit | null | undefined): AdministrativeUnit {
  const errors = new FieldErrors();
  const levelOk = errors.check(isOneOf(UNIT_LEVELS, unit.level), 'level', 'province, district or commune');
  if (levelOk) errors.check(UNIT_CODE[unit.level].test(unit.code), 'code', `the official ${unit.level} code (${unit.level === 'province' ? 2 : unit.level === 'district' ? 3 : 5} digits)`);
  checkText(errors, unit.name, 'name', 200);
  validateValidity(unit, errors);
  if (levelOk) {
    if (unit.level === 'province') errors.check(unit.parentCode === null, 'parentCode', 'a province has no parent');
    else if (unit.parentCode === null) errors.add('parentCode', `required for a ${unit.level}`);
    else if (parent === undefined) errors.add('parentCode', 'no such unit in this tenant');
    else if (parent !== null) errors.check(PARENT_LEVELS[unit.level].includes(parent.level), 'parentCode', `a ${unit.level} belongs to a ${PARENT_LEVELS[unit.level].join(' or ')}`);
  }
  throwIfInvalid(CatalogueErrorCode.UnitInvalid, 'The administrative unit is invalid', errors.errors);
  return { ...unit, name: unit.name.trim() };
}

/** Checks an agency; `unitExists` and `parentExists` come from the store. Throws AGENCY_INVALID. */
export function checkAgency(agency: Agency, facts: { unitExists: boolean; parentExists: boolean }): Agency {
  const errors = new FieldErrors();
  errors.check(AGENCY_CODE.test(agency.id), 'id', 'an agency identifier code such as 000.00.17.H33');
  checkText(errors, agency.name, 'name', 300);
  errors.check(isOneOf(AGENCY_KINDS, agency.kind), 'kind', 'people_committee, department, service_centre or other');
  if (errors.check(isUnitCode(agency.unitCode), 'unitCode', 'an official unit code')) errors.check(facts.unitExists, 'unitCode', 'no such unit in this tenant');
  if (agency.parentId !== null) {
    if (errors.check(agency.parentId !== agency.id, 'parentId', 'not the agency itself')) errors.check(facts.parentExists, 'parentId', 'no such agency in this tenant');
  }
  validateValidity(agency, errors);
  throwIfInvalid(CatalogueErrorCode.AgencyInvalid, 'The agency is invalid', errors.errors);
  return { ...agency, name: agency.name.trim() };
}

/** Checks a desk; the facts come from the store. Throws DESK_INVALID. */
export function checkDesk(desk: Desk, facts: { agencyExists: boolean; missingUnits: string[] }): Desk {
  const errors = new FieldErrors();
  errors.check(DESK_ID.test(desk.id), 'id', '2–64 letters, digits, ., - or _');
  checkText(errors, desk.name, 'name', 300);
  if (errors.check(AGENCY_CODE.test(desk.agencyId), 'agencyId', 'an agency identifier code')) errors.check(facts.agencyExists, 'agencyId', 'no such agency in this tenant');
  desk.unitCodes.forEach((code, index) => {
    if (errors.check(isUnitCode(code), `unitCodes[${index}]`, 'an official unit code')) errors.check(!facts.missingUnits.includes(code), `unitCodes[${index}]`, 'no such unit in this tenant');
  });
  checkUnique(errors, desk.unitCodes, (c) => c, (i) => `unitCodes[${i}]`);
  desk.procedureCodes.forEach((code, index) => errors.check(PROCEDURE_CODE.test(code), `procedureCodes[${index}]`, 'a national procedure code'));
  checkUnique(errors, desk.procedureCodes, (c) => c, (i) => `procedureCodes[${i}]`);
  desk.levels.forEach((level, index) => errors.check(isOneOf(PROCEDURE_LEVELS, level), `levels[${index}]`, 'province, commune or district'));
  checkUnique(errors, desk.levels, (l) => l, (i) => `levels[${i}]`);
  throwIfInvalid(CatalogueErrorCode.DeskInvalid, 'The desk is invalid', errors.errors);
  return { ...desk, name: desk.name.trim() };
}

export type DeskReceiveReason = 'location_independent' | 'assigned' | 'desk_inactive' | 'procedure_not_assigned' | 'unit_outside_desk';

export interface DeskReceiveDecision {
  allowed: boolean;
  reason: DeskReceiveReason;
  /** Vietnamese, for the officer at the desk. */
  explanation: string;
}

const EXPLANATIONS: Record<DeskReceiveReason, string> = {
  location_independent: 'Thủ tục không phụ thuộc địa giới hành chính: mọi bộ phận một cửa trong tỉnh được tiếp nhận.',
  assigned: 'Bộ phận một cửa được giao tiếp nhận thủ tục này.',
  desk_inactive: 'Bộ phận một cửa đã ngừng hoạt động.',
  procedure_not_assigned: 'Bộ phận một cửa không được giao tiếp nhận thủ tục này.',
  unit_outside_desk: 'Địa bàn của người nộp hồ sơ không thuộc phạm vi tiếp nhận của bộ phận một cửa này.',
};

/**
 * Whether a desk may receive a dossier of a procedure (version), and why. A location-
 * independent procedure may be received at any active desk of the tenant (the province).
 * Otherwise the desk must be assigned the procedure (by code or level) and, when the
 * applicant's unit is given, serve it: `unitLineage` is that unit and its ancestors' codes.
 */
export function decideDeskReceive(
  desk: Desk,
  procedure: { code: string; level: ProcedureLevel | null; locationIndependent: boolean },
  unitLineage: string[] | null,
): DeskReceiveDecision {
  const decision = (allowed: boolean, reason: DeskReceiveReason): DeskReceiveDecision => ({ allowed, reason, explanation: EXPLANATIONS[reason] });
  if (!desk.active) return decision(false, 'desk_inactive');
  if (procedure.locationIndependent) return decision(true, 'location_independent');
  const assigned = desk.procedureCodes.includes(procedure.code) || (procedure.level !== null && desk.levels.includes(procedure.level));
  if (!assigned) return decision(false, 'procedure_not_assigned');
  if (unitLineage !== null && !unitLineage.some((code) => desk.unitCodes.includes(code))) return decision(false, 'unit_outside_desk');
  return decision(true, 'assigned');
}
