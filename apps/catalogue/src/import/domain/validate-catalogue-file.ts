import { z } from 'zod';
import {
  agencySchema,
  ALL,
  Catalogue,
  CATALOGUE_FILE_FORMAT,
  CatalogueAgency,
  catalogueFileSchema,
  CatalogueDesk,
  CatalogueFee,
  CatalogueProcedure,
  CatalogueProcessStep,
  CatalogueUnit,
  COMPETENT,
  deskSchema,
  procedureSchema,
  TENANT_ID,
  unitSchema,
  UnitLevel,
} from './catalogue-file.schema';
import { CsvPart, csvFileName, csvLocation, readCsvPart } from './catalogue-csv';
import { formatPath, ImportError, ImportErrorList } from './import-error';
import { validateOnTheSpot } from '../../procedure/domain/procedure';
import { FieldErrors } from '../../shared/domain/validation';

/** What an import reads: the JSON document and, optionally, CSV files for the flat parts. */
export interface CatalogueImportSource {
  /** The JSON document: its text, or the value JSON.parse made of it. */
  json: unknown;
  /** CSV texts; each one supplies the part of the same name instead of the JSON (which must then leave it out or empty). */
  csv?: Partial<Record<CsvPart, string>>;
}

export interface ValidateCatalogueOptions {
  /** When given, the file's `tenant` must be this tenant. */
  tenantId?: string;
  /** Errors beyond this many are counted in `omitted`, not listed (default 1000). */
  maxErrors?: number;
}

export type CatalogueValidation =
  | { ok: true; catalogue: Catalogue }
  | { ok: false; errors: ImportError[]; /** errors found beyond maxErrors */ omitted: number };

/** Where a record came from: `at('code')` → `procedures[3].code` or `agencies.csv row 7, column code`. */
type Locator = (field?: string) => string;

/**
 * A record with where it came from. A record that failed its own checks is kept with the
 * fields that passed (`complete: false`), so the checks across records still run on what is
 * known and one pass reports everything.
 */
interface Located<T> {
  value: Partial<T>;
  at: Locator;
  complete: boolean;
}

/** What is known beyond the valid records, to avoid reporting the same problem twice. */
interface Seen {
  /** Codes written in records whose code itself is invalid: references to them are not reported again. */
  units: Set<string>;
  agencies: Set<string>;
  procedures: Set<string>;
  /** Parts read from a CSV file that could not be read whole: references into them are not reported. */
  unreadable: Set<CsvPart>;
}

const PART_SCHEMAS = { units: unitSchema, agencies: agencySchema, desks: deskSchema } as const;

const envelopeSchema = z.strictObject({
  format: z.literal(CATALOGUE_FILE_FORMAT, { error: `must be "${CATALOGUE_FILE_FORMAT}"` }),
  tenant: z.string({ error: 'a tenant id such as hung-yen' }).regex(TENANT_ID, { error: 'a tenant id such as hung-yen' }),
  notes: catalogueFileSchema.shape.notes,
  units: z.array(z.unknown()).optional(),
  agencies: z.array(z.unknown()).optional(),
  desks: z.array(z.unknown()).optional(),
  procedures: z.array(z.unknown()).optional(),
});

const SHARE_TOLERANCE = 1e-6;

/**
 * Validates a tenant's catalogue file and returns it parsed, or every error found: format and
 * range errors of each record, then references between records (agencies, units, parents,
 * desks, cases), duplicates, share sums and level/date consistency. Pure: no I/O, no clock.
 */
export function validateCatalogueFile(source: CatalogueImportSource, options: ValidateCatalogueOptions = {}): CatalogueValidation {
  const errors = new ImportErrorList(options.maxErrors ?? 1000);
  const seen: Seen = { units: new Set(), agencies: new Set(), procedures: new Set(), unreadable: new Set() };

  const document = readJson(source.json, errors);
  if (document === undefined) return { ok: false, errors: errors.errors, omitted: errors.omitted };

  const envelope = envelopeSchema.safeParse(document);
  if (!envelope.success) addZodIssues(envelope.error, document, (path) => formatPath('', path) || '(file)', errors);
  const raw = (typeof document === 'object' && document !== null && !Array.isArray(document) ? document : {}) as Record<string, unknown>;
  const tenant = typeof raw.tenant === 'string' ? raw.tenant : '';
  if (options.tenantId !== undefined && envelope.success && tenant !== options.tenantId) {
    errors.add('tenant', 'inconsistent', `the file is for tenant ${tenant}, not for ${options.tenantId}`);
  }

  const units = readPart('units', raw, source.csv?.units, errors, seen);
  const agencies = readPart('agencies', raw, source.csv?.agencies, errors, seen);
  const desks = readPart('desks', raw, source.csv?.desks, errors, seen);
  const procedures = readRecords(raw.procedures, 'procedures', procedureSchema, errors, seen.procedures);

  checkUnits(units, errors, seen);
  checkAgencies(agencies, units, errors, seen);
  checkProcedures(procedures, agencies, units, errors, seen);
  checkDesks(desks, agencies, units, procedures, errors, seen);

  const incomplete = [...units, ...agencies, ...desks, ...procedures].some((record) => !record.complete);
  if (!errors.empty || !envelope.success || incomplete) return { ok: false, errors: errors.errors, omitted: errors.omitted };
  return {
    ok: true,
    catalogue: {
      format: CATALOGUE_FILE_FORMAT,
      tenant,
      ...(envelope.data.notes === undefined ? {} : { notes: envelope.data.notes }),
      units: units.map((unit) => unit.value as CatalogueUnit),
      agencies: agencies.map((agency) => agency.value as CatalogueAgency),
      desks: desks.map((desk) => desk.value as CatalogueDesk),
      procedures: procedures.map((procedure) => procedure.value as CatalogueProcedure),
    },
  };
}

function readJson(json: unknown, errors: ImportErrorList): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json.startsWith('\uFEFF') ? json.slice(1) : json) as unknown;
  } catch (error) {
    errors.add('catalogue.json', 'syntax', error instanceof Error ? error.message : 'not valid JSON');
    return undefined;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { parentExists: boolean; value: unknown } {
  let parent: unknown = undefined;
  let current: unknown = root;
  for (const segment of path) {
    parent = current;
    if (typeof current !== 'object' || current === null) return { parentExists: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { parentExists: path.length === 0 || (typeof parent === 'object' && parent !== null), value: current };
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const { parentExists, value } = valueAt(input, issue.path);
  return issue.code === 'invalid_type' && parentExists && value === undefined ? 'required' : issue.message;
}

function addZodIssues(error: z.ZodError, input: unknown, locate: (path: readonly PropertyKey[]) => string, errors: ImportErrorList): void {
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.add(locate([...issue.path, key]), 'invalid', 'unknown field (not part of the format)');
    } else {
      errors.add(locate(issue.path), 'invalid', issueMessage(issue, input));
    }
  }
}

type RecordSchema = z.ZodObject<z.ZodRawShape, z.core.$strict>;

/** Parses one record; when it fails, keeps the fields that pass on their own. */
function parseRecord<S extends RecordSchema>(schema: S, item: unknown): { parsed: z.ZodSafeParseResult<z.output<S>>; value: Partial<z.output<S>> } {
  const parsed = schema.safeParse(item);
  if (parsed.success) return { parsed, value: parsed.data };
  const value: Record<string, unknown> = {};
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    for (const [key, fieldSchema] of Object.entries(schema.shape)) {
      const field = (fieldSchema as z.ZodType).safeParse((item as Record<string, unknown>)[key]);
      if (field.success) value[key] = field.data;
    }
  }
  return { parsed, value: value as Partial<z.output<S>> };
}

function rememberCode(item: unknown, value: { code?: unknown }, seenCodes: Set<string>): void {
  if (value.code !== undefined) return;
  if (typeof item === 'object' && item !== null && typeof (item as { code?: unknown }).code === 'string') {
    seenCodes.add((item as { code: string }).code);
  }
}

/** Parses each record of a JSON list on its own, so one bad record does not hide the others. */
function readRecords<S extends RecordSchema>(list: unknown, name: string, schema: S, errors: ImportErrorList, seenCodes: Set<string>): Located<z.output<S>>[] {
  if (!Array.isArray(list)) return [];
  return list.map((item, index) => {
    const base = `${name}[${index}]`;
    const { parsed, value } = parseRecord(schema, item);
    if (!parsed.success) {
      addZodIssues(parsed.error, item, (path) => formatPath(base, path), errors);
      rememberCode(item, value, seenCodes);
    }
    return { value, at: (field?: string) => (field ? `${base}.${field}` : base), complete: parsed.success };
  });
}

function readPart<P extends CsvPart>(
  part: P,
  raw: Record<string, unknown>,
  csv: string | undefined,
  errors: ImportErrorList,
  seen: Seen,
): Located<z.output<(typeof PART_SCHEMAS)[P]>>[] {
  const schema = PART_SCHEMAS[part] as unknown as RecordSchema;
  const seenCodes = part === 'units' ? seen.units : part === 'agencies' ? seen.agencies : new Set<string>();
  type Out = Located<z.output<(typeof PART_SCHEMAS)[P]>>;
  if (csv === undefined) return readRecords(raw[part], part, schema, errors, seenCodes) as Out[];

  if (Array.isArray(raw[part]) && (raw[part] as unknown[]).length > 0) {
    errors.add(part, 'inconsistent', `${part} are given both in the JSON file and in ${csvFileName(part)}: give them once`);
  }
  const { rows, complete } = readCsvPart(part, csv, errors);
  if (!complete) seen.unreadable.add(part);
  return rows.map((row): Out => {
    const { parsed, value } = parseRecord(schema, row.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, ...rest] = issue.path;
        const item = typeof rest[0] === 'number' ? `item ${rest[0] + 1}: ` : '';
        errors.add(csvLocation(part, row.row, first === undefined ? undefined : String(first)), 'invalid', item + issueMessage(issue, row.value));
      }
      rememberCode(row.value, value, seenCodes);
    }
    return { value: value as Out['value'], at: (field) => csvLocation(part, row.row, field), complete: parsed.success };
  });
}

// ---------------------------------------------------------------------------------------------
// Checks across records. Records may be partial (see Located): every check skips what is unknown.

const DAY_MS = 86_400_000;
const epochDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

interface Interval {
  from: number;
  to: number;
}

function intervalOf(unit: Partial<CatalogueUnit>): Interval | undefined {
  if (unit.valid_from === undefined || unit.valid_to === undefined) return undefined;
  return { from: epochDay(unit.valid_from), to: unit.valid_to === null ? Number.POSITIVE_INFINITY : epochDay(unit.valid_to) };
}

const overlaps = (a: Interval, b: Interval): boolean => a.from <= b.to && b.from <= a.to;

/** Whether the union of `parts` covers `whole` without a gap (day granularity). */
function covers(parts: readonly Interval[], whole: Interval): boolean {
  let reached = whole.from - 1; // covered up to and including this day
  for (const part of [...parts].sort((a, b) => a.from - b.from)) {
    if (part.from > reached + 1) break;
    reached = Math.max(reached, part.to);
    if (reached >= whole.to) return true;
  }
  return reached >= whole.to;
}

const period = (unit: Partial<CatalogueUnit>): string => `${unit.valid_from} – ${unit.valid_to ?? 'open'}`;

/** Reports the second and later records with the same code; returns the first of each. */
function firstByCode<T extends { code: string }>(records: readonly Located<T>[], what: string, errors: ImportErrorList): Map<string, Located<T>> {
  const first = new Map<string, Located<T>>();
  for (const record of records) {
    const code = record.value.code;
    if (code === undefined) continue;
    const earlier = first.get(code);
    if (earlier) errors.add(record.at('code'), 'duplicate', `duplicate ${what} code ${code} (also at ${earlier.at()})`);
    else first.set(code, record);
  }
  return first;
}

/** Codes within one record's list must be unique; reports repeats at `field[i].code`. */
function uniqueLocalCodes(items: readonly { code: string }[] | undefined, field: string, at: Locator, errors: ImportErrorList): Set<string> {
  const codes = new Set<string>();
  (items ?? []).forEach((item, index) => {
    if (codes.has(item.code)) errors.add(at(`${field}[${index}].code`), 'duplicate', `code ${item.code} is used twice in ${field}`);
    codes.add(item.code);
  });
  return codes;
}

const PARENT_LEVELS: Readonly<Record<UnitLevel, readonly UnitLevel[]>> = {
  province: [],
  district: ['province'],
  commune: ['district', 'province'],
};
const CODE_LENGTH: Readonly<Record<UnitLevel, number>> = { province: 2, district: 3, commune: 5 };

function checkUnits(units: readonly Located<CatalogueUnit>[], errors: ImportErrorList, seen: Seen): void {
  for (const unit of units) {
    const { code, level, valid_from: from, valid_to: to } = unit.value;
    if (code !== undefined && level !== undefined && code.length !== CODE_LENGTH[level]) {
      errors.add(unit.at('code'), 'inconsistent', `a ${level} code has ${CODE_LENGTH[level]} digits, not ${code.length}`);
    }
    if (from !== undefined && typeof to === 'string' && to < from) errors.add(unit.at('valid_to'), 'inconsistent', `ends (${to}) before it starts (${from})`);
  }

  const byCode = new Map<string, Located<CatalogueUnit>[]>();
  for (const unit of units) {
    if (unit.value.code === undefined) continue;
    const versions = byCode.get(unit.value.code) ?? [];
    const mine = intervalOf(unit.value);
    const clash = mine && versions.find((earlier) => {
      const theirs = intervalOf(earlier.value);
      return theirs !== undefined && overlaps(theirs, mine);
    });
    if (clash) {
      errors.add(unit.at('code'), 'duplicate', `duplicate unit code ${unit.value.code}: valid ${period(unit.value)}, overlapping ${clash.at()} (${period(clash.value)})`);
    }
    versions.push(unit);
    byCode.set(unit.value.code, versions);
  }

  for (const unit of units) {
    const { parent_code: parentCode, level } = unit.value;
    if (level === undefined || parentCode === undefined) continue;
    if (level === 'province') {
      if (parentCode !== null) errors.add(unit.at('parent_code'), 'inconsistent', 'a province has no parent unit');
      continue;
    }
    if (parentCode === null) {
      errors.add(unit.at('parent_code'), 'invalid', `a ${level} needs its parent unit`);
      continue;
    }
    const parents = byCode.get(parentCode) ?? [];
    if (parents.length === 0) {
      if (!seen.units.has(parentCode) && !seen.unreadable.has('units')) errors.add(unit.at('parent_code'), 'unknown_reference', `unknown parent unit ${parentCode}`);
      continue;
    }
    const allowed = PARENT_LEVELS[level];
    const wrongLevel = parents.find((parent) => parent.value.level !== undefined && !allowed.includes(parent.value.level));
    if (wrongLevel) {
      errors.add(unit.at('parent_code'), 'inconsistent', `the parent of a ${level} must be a ${allowed.join(' or ')}; ${parentCode} is a ${wrongLevel.value.level}`);
      continue;
    }
    const mine = intervalOf(unit.value);
    const theirs = parents.map((parent) => intervalOf(parent.value));
    if (mine && theirs.every((interval): interval is Interval => interval !== undefined) && !covers(theirs, mine)) {
      errors.add(unit.at('parent_code'), 'inconsistent', `parent unit ${parentCode} is not valid throughout ${period(unit.value)}`);
    }
  }
}

function checkAgencies(agencies: readonly Located<CatalogueAgency>[], units: readonly Located<CatalogueUnit>[], errors: ImportErrorList, seen: Seen): void {
  const byCode = firstByCode(agencies, 'agency', errors);
  const unitCodes = new Set(units.map((unit) => unit.value.code));
  for (const agency of agencies) {
    const { unit_code: code, parent_code: parentCode, valid_from: from, valid_to: to } = agency.value;
    if (code !== undefined && !unitCodes.has(code) && !seen.units.has(code) && !seen.unreadable.has('units')) {
      errors.add(agency.at('unit_code'), 'unknown_reference', `unknown unit ${code}`);
    }
    if (typeof from === 'string' && typeof to === 'string' && to < from) errors.add(agency.at('valid_to'), 'inconsistent', `ends (${to}) before it starts (${from})`);
    if (typeof parentCode !== 'string') continue;
    if (!byCode.has(parentCode)) {
      if (!seen.agencies.has(parentCode) && !seen.unreadable.has('agencies')) errors.add(agency.at('parent_code'), 'unknown_reference', `unknown agency ${parentCode}`);
      continue;
    }
    // Walk up: a chain that comes back to this agency is a cycle.
    const visited = new Set<string>([agency.value.code ?? '']);
    for (let current: string | null | undefined = parentCode; typeof current === 'string'; current = byCode.get(current)?.value.parent_code) {
      if (visited.has(current)) {
        errors.add(agency.at('parent_code'), 'inconsistent', `the agencies' parents form a cycle through ${current}`);
        break;
      }
      visited.add(current);
    }
  }
}

function checkProcedures(
  procedures: readonly Located<CatalogueProcedure>[],
  agencies: readonly Located<CatalogueAgency>[],
  units: readonly Located<CatalogueUnit>[],
  errors: ImportErrorList,
  seen: Seen,
): void {
  firstByCode(procedures, 'procedure', errors);
  const agencyByCode = new Map<string, Partial<CatalogueAgency>>();
  for (const agency of agencies) if (agency.value.code !== undefined && !agencyByCode.has(agency.value.code)) agencyByCode.set(agency.value.code, agency.value);
  const unitLevel = new Map<string, UnitLevel>();
  for (const unit of units) if (unit.value.code !== undefined && unit.value.level !== undefined) unitLevel.set(unit.value.code, unit.value.level);
  const knownAgency = (code: string): boolean => agencyByCode.has(code) || seen.agencies.has(code) || seen.unreadable.has('agencies');

  // Levels at which a People's Committee can be resolved for procedures that name no competent agency.
  const committeeLevels = new Set<UnitLevel>();
  for (const agency of agencyByCode.values()) {
    const level = agency.unit_code === undefined ? undefined : unitLevel.get(agency.unit_code);
    if (agency.kind === 'people_committee' && level !== undefined) committeeLevels.add(level);
  }

  for (const { value: procedure, at } of procedures) {
    for (const field of ['implementing_agency_code', 'competent_agency_code'] as const) {
      const code = procedure[field];
      if (typeof code === 'string' && !knownAgency(code)) errors.add(at(field), 'unknown_reference', `unknown agency ${code}`);
    }
    if (procedure.competent_agency_code === null && procedure.level !== undefined) {
      if (procedure.level === 'province') {
        errors.add(at('competent_agency_code'), 'invalid', 'required at province level (only commune and district procedures may leave it to the People’s Committee of the applicant’s unit)');
      } else if (!committeeLevels.has(procedure.level) && !seen.unreadable.has('agencies') && !seen.unreadable.has('units')) {
        errors.add(at('competent_agency_code'), 'inconsistent', `no agency of kind people_committee at ${procedure.level} level to resolve the competent agency`);
      }
    }
    const competent = typeof procedure.competent_agency_code === 'string' ? agencyByCode.get(procedure.competent_agency_code) : undefined;
    const competentLevel = competent?.unit_code === undefined ? undefined : unitLevel.get(competent.unit_code);
    if (procedure.level !== undefined && competentLevel !== undefined && competentLevel !== procedure.level) {
      errors.add(
        at('level'),
        'inconsistent',
        `the procedure is at ${procedure.level} level but its competent agency ${procedure.competent_agency_code} belongs to a ${competentLevel} unit (${competent?.unit_code})`,
      );
    }

    const cases = uniqueLocalCodes(procedure.cases, 'cases', at, errors);
    uniqueLocalCodes(procedure.components, 'components', at, errors);
    uniqueLocalCodes(procedure.result_documents, 'result_documents', at, errors);
    uniqueLocalCodes(procedure.fees, 'fees', at, errors);
    if (procedure.cases !== undefined) (procedure.fees ?? []).forEach((fee, feeIndex) => checkFee(fee, `fees[${feeIndex}]`, cases, at, errors));
    if (procedure.internal_process !== undefined && procedure.competent_agency_code !== undefined) {
      checkProcess(procedure.internal_process, procedure.competent_agency_code ?? COMPETENT, knownAgency, at, errors);
    }
    if (procedure.on_the_spot === true && procedure.processing_time !== undefined && procedure.internal_process !== undefined) {
      const onTheSpot = new FieldErrors();
      validateOnTheSpot(
        {
          processingTime: { unit: procedure.processing_time.unit === 'working_days' ? 'days' : 'hours', amount: procedure.processing_time.amount },
          internalProcess: procedure.internal_process.map((step) => ({ handsOver: step.hands_over_to !== undefined })),
        },
        onTheSpot,
      );
      for (const error of onTheSpot.errors) errors.add(at('on_the_spot'), 'inconsistent', error.message);
    }

    const version = procedure.version;
    if (version !== undefined && version.decision_date > version.effective_from) {
      errors.add(at('version.decision_date'), 'inconsistent', `the decision (${version.decision_date}) is dated after the version takes effect (${version.effective_from})`);
    }
  }
}

function checkFee(fee: CatalogueFee, path: string, cases: ReadonlySet<string>, at: Locator, errors: ImportErrorList): void {
  if (fee.per === 'dossier' && fee.tiers.length > 0) errors.add(at(`${path}.tiers`), 'inconsistent', 'price steps need an amount counted per copy, page, certificate or case');
  if (fee.per === 'dossier' && fee.cap !== null) errors.add(at(`${path}.cap`), 'inconsistent', 'a cap needs an amount counted per copy, page, certificate or case');
  fee.tiers.forEach((tier, index) => {
    const previous = index === 0 ? 1 : fee.tiers[index - 1].from_unit;
    if (tier.from_unit <= previous) errors.add(at(`${path}.tiers[${index}].from_unit`), 'inconsistent', `price steps start at increasing units (after ${previous})`);
  });
  if (fee.cap !== null && fee.cap < fee.amount) errors.add(at(`${path}.cap`), 'inconsistent', `the cap (${fee.cap} VND) is below the unit amount (${fee.amount} VND)`);
  const variantCases = new Set<string>();
  fee.variants.forEach((variant, index) => {
    const where = at(`${path}.variants[${index}].case_code`);
    if (!cases.has(variant.case_code)) errors.add(where, 'unknown_reference', `unknown case ${variant.case_code} (declare it in cases)`);
    else if (variantCases.has(variant.case_code)) errors.add(where, 'duplicate', `case ${variant.case_code} has two variants`);
    variantCases.add(variant.case_code);
  });
  const exemptCases = new Set<string>();
  fee.exemptions.forEach((exemption, index) => {
    const where = at(`${path}.exemptions[${index}].case_code`);
    if (!cases.has(exemption.case_code)) errors.add(where, 'unknown_reference', `unknown case ${exemption.case_code} (declare it in cases)`);
    else if (exemptCases.has(exemption.case_code)) errors.add(where, 'duplicate', `case ${exemption.case_code} is exempted twice`);
    else if (variantCases.has(exemption.case_code)) errors.add(where, 'inconsistent', `case ${exemption.case_code} has both a variant amount and an exemption`);
    exemptCases.add(exemption.case_code);
  });
  const discount = fee.online_discount;
  if (discount === null) return;
  const amounts = [fee.amount, ...fee.variants.map((variant) => variant.amount)];
  if (amounts.every((amount) => amount === 0)) {
    errors.add(at(`${path}.online_discount`), 'inconsistent', 'a discount on an amount of 0');
  } else if ('amount' in discount) {
    const smallest = Math.min(...amounts.filter((amount) => amount > 0));
    if (discount.amount > smallest) {
      errors.add(at(`${path}.online_discount.amount`), 'inconsistent', `the discount (${discount.amount} VND) is larger than an amount it applies to (${smallest} VND)`);
    }
  }
}

function checkProcess(
  steps: readonly CatalogueProcessStep[],
  competentAgency: string,
  knownAgency: (code: string) => boolean,
  at: Locator,
  errors: ImportErrorList,
): void {
  if (steps.length === 0) return;
  const resolve = (code: string): string => (code === COMPETENT ? competentAgency : code);
  const sum = steps.reduce((total, step) => total + step.share, 0);
  if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
    errors.add(at('internal_process'), 'inconsistent', `the shares of the steps sum to ${Number(sum.toFixed(6))}, not 1`);
  }
  steps.forEach((step, index) => {
    const path = `internal_process[${index}]`;
    for (const field of ['agency_code', 'hands_over_to'] as const) {
      const code = step[field];
      if (code !== undefined && code !== COMPETENT && !knownAgency(code)) errors.add(at(`${path}.${field}`), 'unknown_reference', `unknown agency ${code}`);
    }
    const agency = resolve(step.agency_code);
    const next = steps[index + 1];
    if (step.hands_over_to !== undefined) {
      const target = resolve(step.hands_over_to);
      if (target === agency) errors.add(at(`${path}.hands_over_to`), 'inconsistent', 'a step cannot hand over to its own agency');
      else if (next && resolve(next.agency_code) !== target) {
        errors.add(at(`internal_process[${index + 1}].agency_code`), 'inconsistent', `the previous step hands over to ${target}, so this step belongs to ${target}`);
      }
    } else if (next && resolve(next.agency_code) !== agency) {
      errors.add(at(`${path}.hands_over_to`), 'inconsistent', `the next step is at ${resolve(next.agency_code)}: declare the handover (liên thông)`);
    }
  });
}

function checkDesks(
  desks: readonly Located<CatalogueDesk>[],
  agencies: readonly Located<CatalogueAgency>[],
  units: readonly Located<CatalogueUnit>[],
  procedures: readonly Located<CatalogueProcedure>[],
  errors: ImportErrorList,
  seen: Seen,
): void {
  firstByCode(desks, 'desk', errors);
  const agencyCodes = new Set(agencies.map((agency) => agency.value.code));
  const unitCodes = new Set(units.map((unit) => unit.value.code));
  const procedureCodes = new Set(procedures.map((procedure) => procedure.value.code));
  for (const desk of desks) {
    const { agency_code: agencyCode, unit_codes: deskUnits, procedure_codes: deskProcedures, levels } = desk.value;
    if (deskProcedures !== undefined && levels !== undefined && deskProcedures.length === 0 && levels.length === 0) {
      errors.add(desk.at('procedure_codes'), 'invalid', 'a desk receives for at least one procedure: list codes, "*" or levels');
    }
    if (agencyCode !== undefined && !agencyCodes.has(agencyCode) && !seen.agencies.has(agencyCode) && !seen.unreadable.has('agencies')) {
      errors.add(desk.at('agency_code'), 'unknown_reference', `unknown agency ${agencyCode}`);
    }
    checkCodeList(deskUnits, 'unit_codes', 'unit', (code) => unitCodes.has(code) || seen.units.has(code) || seen.unreadable.has('units'), desk.at, errors);
    checkCodeList(deskProcedures, 'procedure_codes', 'procedure', (code) => procedureCodes.has(code) || seen.procedures.has(code), desk.at, errors);
  }
}

function checkCodeList(
  codes: readonly string[] | undefined,
  field: string,
  what: string,
  known: (code: string) => boolean,
  at: Locator,
  errors: ImportErrorList,
): void {
  if (codes === undefined) return;
  if (codes.includes(ALL) && codes.length > 1) {
    errors.add(at(field), 'inconsistent', `"${ALL}" (every ${what}) stands alone`);
    return;
  }
  const listed = new Set<string>();
  codes.forEach((code, index) => {
    if (code === ALL) return;
    if (listed.has(code)) errors.add(at(`${field}[${index}]`), 'duplicate', `${what} ${code} is listed twice`);
    else if (!known(code)) errors.add(at(`${field}[${index}]`), 'unknown_reference', `unknown ${what} ${code}`);
    listed.add(code);
  });
}
