import { addCalendarDays, formatLocalDate, IsoDate, parseLocalDate } from '@motcua/calendar';
import { FeeSchedule } from '../../procedure/domain/fees';
import { ProcedureDefinition, ProcedureLevel, Publication } from '../../procedure/domain/procedure';
import { parseEffectiveInstant } from '../../shared/application/parse';
import { FieldErrors } from '../../shared/domain/validation';
import { AdministrativeUnit, Agency, Desk } from '../../structure/domain/structure';
import { ALL, COMPETENT, CatalogueAgency, CatalogueDesk, CatalogueProcedure, CatalogueUnit, LEVELS } from '../domain/catalogue-file.schema';

/**
 * The import format (`motcua.catalogue/v1`) onto the service model, and the stored records
 * back into the import form so that planImport compares like with like. The documented
 * mismatches (docs/catalogue-import.md, "Mapping onto the service"):
 *
 * - validity: the file's `valid_to` is the last day (inclusive), the service's the first day
 *   no longer valid (exclusive): +1 day in, −1 day out;
 * - an agency without `valid_from` is valid from its unit's `valid_from`;
 * - a desk's `unit_codes: ["*"]` is the catalogue's province unit(s) (a unit covers its
 *   descendants); `procedure_codes: ["*"]` is every level; desks are active;
 * - fees: cases named by variants become fee variants, exemptions become 100 %/p % exemptions
 *   granted by the case code as an attribute, an online discount becomes a whole-percent
 *   discount on the online channel (an amount is converted to the percentage of the fee's
 *   general amount, rounded to the nearest whole percent, at least 1);
 * - text limits: the service's (names ≤ 500) are checked after mapping and reported at the
 *   procedure's location, so a file the service cannot hold is refused whole.
 *
 * Records are compared without `notes` (not stored: they are not published content).
 */

const plusDays = (date: IsoDate, days: number): IsoDate => formatLocalDate(addCalendarDays(parseLocalDate(date), days));

export function unitToService(unit: CatalogueUnit): AdministrativeUnit {
  return { code: unit.code, name: unit.name, level: unit.level, parentCode: unit.parent_code, validFrom: unit.valid_from, validTo: unit.valid_to === null ? null : plusDays(unit.valid_to, 1) };
}

export function unitFromService(unit: AdministrativeUnit): CatalogueUnit {
  return { code: unit.code, name: unit.name, level: unit.level, parent_code: unit.parentCode, valid_from: unit.validFrom, valid_to: unit.validTo === null ? null : plusDays(unit.validTo, -1) };
}

/** `unitValidFrom`: the valid_from of a unit by code (the file's, else the stored one's). */
export function agencyToService(agency: CatalogueAgency, unitValidFrom: (code: string) => IsoDate | undefined): Agency {
  return {
    id: agency.code,
    name: agency.name,
    kind: agency.kind,
    unitCode: agency.unit_code,
    parentId: agency.parent_code,
    validFrom: agency.valid_from ?? unitValidFrom(agency.unit_code) ?? '1900-01-01',
    validTo: agency.valid_to === null ? null : plusDays(agency.valid_to, 1),
  };
}

export function agencyFromService(agency: Agency): CatalogueAgency {
  return {
    code: agency.id,
    name: agency.name,
    unit_code: agency.unitCode,
    kind: agency.kind,
    parent_code: agency.parentId,
    valid_from: agency.validFrom,
    valid_to: agency.validTo === null ? null : plusDays(agency.validTo, -1),
  };
}

/** `provinceCodes`: what `"*"` in unit_codes stands for. */
export function deskToService(desk: CatalogueDesk, provinceCodes: readonly string[]): Desk {
  const everyProcedure = desk.procedure_codes.includes(ALL);
  const levels = everyProcedure ? [...LEVELS] : [...desk.levels];
  return {
    id: desk.code,
    name: desk.name,
    agencyId: desk.agency_code,
    unitCodes: desk.unit_codes.includes(ALL) ? [...provinceCodes] : [...desk.unit_codes],
    procedureCodes: everyProcedure ? [] : [...desk.procedure_codes],
    levels: levels as ProcedureLevel[],
    active: true,
  };
}

export function deskFromService(desk: Desk): CatalogueDesk {
  return { code: desk.id, name: desk.name, agency_code: desk.agencyId, unit_codes: [...desk.unitCodes], procedure_codes: [...desk.procedureCodes], levels: [...desk.levels] };
}

/** The service's rule codes are lower-case (`qua_han`); the file's case codes are written `QUA_HAN`. */
const ruleCode = (code: string): string => code.toLowerCase().slice(0, 40);

const PER_UNIT: Record<string, string | null> = { dossier: null, copy: 'bản', page: 'trang', certificate: 'giấy', case: 'trường hợp' };

export function feesToService(procedure: CatalogueProcedure): FeeSchedule {
  const variantCases = new Set(procedure.fees.flatMap((fee) => fee.variants.map((v) => v.case_code)));
  return {
    variants: procedure.cases.filter((c) => variantCases.has(c.code)).map((c) => ({ code: ruleCode(c.code), name: c.name })),
    items: procedure.fees.map((fee) => ({
      code: fee.code,
      name: fee.name,
      kind: fee.kind,
      amount: fee.amount,
      unit: PER_UNIT[fee.per] ?? null,
      tiers: fee.tiers.map((t) => ({ fromUnit: t.from_unit, amount: t.amount })),
      cap: fee.cap,
      variantAmounts: fee.variants.map((v) => ({ variant: ruleCode(v.case_code), amount: v.amount })),
    })),
    exemptions: procedure.fees.flatMap((fee) =>
      fee.exemptions.map((e) => ({ code: ruleCode(`${fee.code}-${e.case_code}`), name: e.reason, attributes: [ruleCode(e.case_code)], items: [fee.code], percent: Math.max(1, Math.round(e.percent)) })),
    ),
    discounts: procedure.fees.flatMap((fee) => {
      const discount = fee.online_discount;
      if (discount === null) return [];
      const percent = 'percent' in discount ? discount.percent : fee.amount > 0 ? (discount.amount / fee.amount) * 100 : 100;
      return [{ code: ruleCode(`${fee.code}-online`), name: 'Giảm khi nộp trực tuyến', channels: ['online' as const], items: [fee.code], percent: Math.min(100, Math.max(1, Math.round(percent))) }];
    }),
  };
}

export function definitionToService(procedure: CatalogueProcedure): ProcedureDefinition {
  const agency = (code: string): string | null => (code === COMPETENT ? null : code);
  return {
    name: procedure.name,
    field: procedure.field,
    level: procedure.level,
    competentAgencyId: procedure.competent_agency_code,
    implementingAgencyId: procedure.implementing_agency_code,
    legalBasis: procedure.legal_basis.map((b) => `${b.title} số ${b.number}`),
    components: procedure.components.map((c) => ({
      code: c.code,
      name: c.name,
      mandatory: c.mandatory,
      form: c.kind,
      count: c.count,
      formTemplate: c.template === null ? null : `${c.template.code}: ${c.template.title}`.slice(0, 500),
      documentType: c.document_type,
    })),
    processingTime: { unit: procedure.processing_time.unit === 'working_days' ? 'days' : 'hours', amount: procedure.processing_time.amount },
    fees: feesToService(procedure),
    results: procedure.result_documents.map((r) => ({ code: r.code, name: r.name, documentType: r.document_type })),
    onlineLevel: procedure.online_level,
    locationIndependent: procedure.location_independent,
    postalIntake: procedure.postal.intake,
    postalReturn: procedure.postal.return,
    internalProcess: procedure.internal_process.map((s) => ({ name: s.name, role: s.role, agencyId: agency(s.agency_code), share: s.share, handsOver: s.hands_over_to !== undefined })),
    onTheSpot: procedure.on_the_spot,
  };
}

/** In force from 00:00 in Vietnam on `effective_from`, by the decision. */
export function publicationToService(procedure: CatalogueProcedure): Publication {
  const errors = new FieldErrors();
  return {
    effectiveFrom: parseEffectiveInstant(procedure.version.effective_from, errors, 'effective_from'),
    decision: { number: procedure.version.decision_number, date: procedure.version.decision_date },
  };
}
