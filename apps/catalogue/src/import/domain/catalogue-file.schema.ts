import { z } from 'zod';

/**
 * The catalogue import file, `motcua.catalogue/v1` (docs/catalogue-import.md).
 *
 * These schemas check each record on its own: types, formats, ranges, unknown keys (a typo
 * such as `mandatroy` is an error, not silently ignored). Everything that needs more than one
 * record (references, duplicates, share sums, levels) is checked by validateCatalogueFile.
 * Field names are snake_case, as in the file; text is normalised to NFC with whitespace
 * collapsed, so the same text from two sources compares equal.
 */
export const CATALOGUE_FILE_FORMAT = 'motcua.catalogue/v1';

/** Tenant ids: a stable slug (`hung-yen`). */
export const TENANT_ID = /^[a-z][a-z0-9-]{1,62}$/;
/** National procedure codes, optionally with a local suffix: `1.001193`, `1.001193.000.00.00.H33`. */
export const PROCEDURE_CODE = /^\d\.\d{6}(\.[0-9A-Z]+)*$/;
/** Electronic identifier codes of agencies (QCVN 102:2016/BTTTT style): `000.00.17.H33`, `000.24.11.H33`. */
export const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/;
/** Official codes of administrative units: 2 digits (province), 3 (district), 5 (commune). */
export const UNIT_CODE = /^(\d{2}|\d{3}|\d{5})$/;
/** Desk (counter) codes: `H33-TTPVHCC-Q01`, `H33-X12250-BPMC`. */
export const DESK_CODE = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
/** Codes local to a procedure: components, fees, cases, result documents. */
export const LOCAL_CODE = /^[A-Za-z0-9_-]{1,32}$/;
/** Document types shared across procedures, for reuse from the document wallet: `giay_khai_sinh`. */
export const DOCUMENT_TYPE = /^[a-z][a-z0-9_]{1,63}$/;
/** Numbers of legal documents and decisions: `60/2014/QH13`, `123/2015/NĐ-CP`, `1234/QĐ-UBND`. */
export const LEGAL_NUMBER = /^\d{1,6}\/(\d{4}\/)?[\p{Lu}\d][\p{L}\d.&-]*$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The wildcard in a desk's lists: every unit / every procedure of the catalogue. */
export const ALL = '*';
/** In an internal process step: the procedure's competent agency (resolved per applicant when that is null). */
export const COMPETENT = 'competent';

export const LEVELS = ['province', 'district', 'commune'] as const;
export const AGENCY_KINDS = ['people_committee', 'department', 'service_centre', 'other'] as const;
export const COMPONENT_KINDS = ['original', 'copy', 'certified_copy', 'original_or_copy'] as const;
export const FEE_KINDS = ['fee', 'charge'] as const;
export const FEE_BASES = ['dossier', 'copy', 'page', 'certificate', 'case'] as const;
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export const PROCESS_ROLES = ['desk_officer', 'specialist', 'leader', 'clerk'] as const;
export const TIME_UNITS = ['working_days', 'working_hours'] as const;

/** Amounts in integer VND; the ceiling only catches typos (a misplaced thousand separator). */
export const MAX_VND = 10_000_000_000;

function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const text = (min: number, max: number) =>
  z
    .string()
    .overwrite((value) => value.normalize('NFC').replace(/\s+/gu, ' ').trim())
    .min(min, { error: min === 1 ? 'must not be empty' : `at least ${min} characters` })
    .max(max, { error: `at most ${max} characters` });

const pattern = (regex: RegExp, example: string) =>
  z.string().regex(regex, { error: `not a valid code (e.g. ${example})` });

export const isoDateSchema = z.string().refine(isRealDate, { error: 'a date as YYYY-MM-DD' });
export const procedureCodeSchema = pattern(PROCEDURE_CODE, '1.001193');
export const agencyCodeSchema = pattern(AGENCY_CODE, '000.00.17.H33');
export const unitCodeSchema = pattern(UNIT_CODE, '33, 323 or 12250');
export const deskCodeSchema = z
  .string()
  .regex(DESK_CODE, { error: 'not a valid desk code (e.g. H33-TTPVHCC-Q01)' })
  .max(40, { error: 'at most 40 characters' });
export const localCodeSchema = pattern(LOCAL_CODE, 'TK01: 1–32 letters, digits, - or _');
export const documentTypeSchema = pattern(DOCUMENT_TYPE, 'giay_khai_sinh');
const vnd = z.int({ error: 'an amount in whole VND' }).min(0, { error: 'must not be negative' }).max(MAX_VND, { error: 'too large' });
const notes = text(1, 4000).optional();

export const unitSchema = z.strictObject({
  code: unitCodeSchema,
  name: text(2, 200),
  level: z.enum(LEVELS),
  parent_code: unitCodeSchema.nullable().default(null),
  valid_from: isoDateSchema,
  /** Last day of validity (inclusive); null while in force. */
  valid_to: isoDateSchema.nullable().default(null),
  notes,
});

export const agencySchema = z.strictObject({
  code: agencyCodeSchema,
  name: text(2, 300),
  unit_code: unitCodeSchema,
  /** people_committee agencies are the competent agency of procedures that leave competent_agency_code null. */
  kind: z.enum(AGENCY_KINDS).default('other'),
  /** The agency it belongs to (a land registration branch under its office), if any. */
  parent_code: agencyCodeSchema.nullable().default(null),
  valid_from: isoDateSchema.nullable().default(null),
  /** Last day of validity (inclusive); null while in force. */
  valid_to: isoDateSchema.nullable().default(null),
  notes,
});

export const deskSchema = z.strictObject({
  code: deskCodeSchema,
  name: text(2, 300),
  agency_code: agencyCodeSchema,
  /** Units it may receive for; ["*"]: every unit of the catalogue. */
  unit_codes: z.array(z.union([z.literal(ALL), unitCodeSchema], { error: `a unit code or "${ALL}"` })).min(1, { error: 'at least one unit (or "*")' }),
  /** Procedures it may receive for; ["*"]: every procedure of the catalogue. */
  procedure_codes: z.array(z.union([z.literal(ALL), procedureCodeSchema], { error: `a procedure code or "${ALL}"` })).default([]),
  /** Every procedure of these levels too, besides the listed ones. */
  levels: z.array(z.enum(LEVELS)).default([]),
  notes,
});

const legalBasisSchema = z.strictObject({
  number: z.string().regex(LEGAL_NUMBER, { error: 'a document number such as 123/2015/NĐ-CP' }),
  title: text(3, 500),
  issued_on: isoDateSchema.optional(),
});

const caseSchema = z.strictObject({ code: localCodeSchema, name: text(2, 500) });

const templateSchema = z.strictObject({
  code: text(1, 64),
  title: text(2, 500),
  url: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
});

const componentSchema = z.strictObject({
  code: localCodeSchema,
  name: text(2, 1000),
  /** Bản chính / bản sao / bản sao có chứng thực. */
  kind: z.enum(COMPONENT_KINDS),
  count: z.int({ error: 'a whole number of copies' }).min(1, { error: 'at least 1' }).max(100, { error: 'at most 100' }),
  mandatory: z.boolean(),
  template: templateSchema.nullable().default(null),
  document_type: documentTypeSchema.nullable().default(null),
  notes,
});

const processingTimeSchema = z.discriminatedUnion(
  'unit',
  [
    z.strictObject({
      unit: z.literal('working_days'),
      amount: z.int({ error: 'a whole number of working days' }).min(1, { error: 'at least 1' }).max(365, { error: 'at most 365' }),
      description: text(2, 1000).optional(),
    }),
    z.strictObject({
      unit: z.literal('working_hours'),
      amount: z.int({ error: 'a whole number of working hours' }).min(1, { error: 'at least 1' }).max(2000, { error: 'at most 2000' }),
      description: text(2, 1000).optional(),
    }),
  ],
  { error: `must be ${TIME_UNITS.join(' or ')}` },
);

const onlineDiscountSchema = z.union(
  [
    z.strictObject({ percent: z.number().gt(0, { error: 'more than 0' }).max(100, { error: 'at most 100' }) }),
    z.strictObject({ amount: vnd.min(1, { error: 'at least 1 VND' }) }),
  ],
  { error: 'either {"percent": 0 < p ≤ 100} or {"amount": VND}' },
);

const feeSchema = z.strictObject({
  code: localCodeSchema,
  name: text(2, 500),
  /** fee: phí (pays for a service); charge: lệ phí (a state charge). */
  kind: z.enum(FEE_KINDS),
  /** The amount for the general case, in integer VND. */
  amount: vnd,
  /** What the amount is counted per. */
  per: z.enum(FEE_BASES).default('dossier'),
  /** Price steps for a counted amount: from the n-th unit on, this amount per unit (copies: 1,000 VND from the 3rd page). */
  tiers: z
    .array(z.strictObject({ from_unit: z.int().min(2, { error: 'at least 2' }).max(10_000, { error: 'at most 10000' }), amount: vnd }))
    .default([]),
  /** The most a counted amount can come to (copies: 200,000 VND per copy). */
  cap: vnd.nullable().default(null),
  variants: z.array(z.strictObject({ case_code: localCodeSchema, amount: vnd })).default([]),
  exemptions: z
    .array(
      z.strictObject({
        case_code: localCodeSchema,
        reason: text(2, 500),
        /** How much of the amount is waived (default all of it). */
        percent: z.number().gt(0, { error: 'more than 0' }).max(100, { error: 'at most 100' }).default(100),
      }),
    )
    .default([]),
  online_discount: onlineDiscountSchema.nullable().default(null),
  legal_basis: text(3, 500).optional(),
});

const resultDocumentSchema = z.strictObject({
  code: localCodeSchema,
  name: text(2, 500),
  document_type: documentTypeSchema.nullable().default(null),
});

const agencyRefSchema = z.union([z.literal(COMPETENT), agencyCodeSchema], { error: `an agency code or "${COMPETENT}"` });

const processStepSchema = z.strictObject({
  name: text(2, 300),
  role: z.enum(PROCESS_ROLES),
  agency_code: agencyRefSchema,
  /** Share of the processing time, 0 < share ≤ 1; the shares of a process sum to 1. */
  share: z.number().gt(0, { error: 'more than 0' }).max(1, { error: 'at most 1' }),
  /** Set when the step ends by handing the dossier to another agency or level (liên thông). */
  hands_over_to: agencyRefSchema.optional(),
});

const versionSchema = z.strictObject({
  effective_from: isoDateSchema,
  decision_number: z.string().regex(LEGAL_NUMBER, { error: 'a decision number such as 1234/QĐ-UBND' }),
  decision_date: isoDateSchema,
});

export const procedureSchema = z.strictObject({
  code: procedureCodeSchema,
  name: text(3, 1000),
  /** Lĩnh vực, as published: `Hộ tịch`, `Đất đai`. */
  field: text(2, 200),
  level: z.enum(LEVELS),
  /** Null: the competent agency implements it. */
  implementing_agency_code: agencyCodeSchema.nullable().default(null),
  /**
   * Null (commune and district level only): the People's Committee of the applicant's unit, as
   * for civil status, where every commune is competent for its residents.
   */
  competent_agency_code: agencyCodeSchema.nullable(),
  legal_basis: z.array(legalBasisSchema).min(1, { error: 'at least one legal document' }),
  /** The cases fee variants and exemptions refer to. */
  cases: z.array(caseSchema).default([]),
  components: z.array(componentSchema),
  processing_time: processingTimeSchema,
  fees: z.array(feeSchema).default([]),
  result_documents: z.array(resultDocumentSchema).min(1, { error: 'at least one result document' }),
  online_level: z.enum(ONLINE_LEVELS),
  location_independent: z.boolean(),
  postal: z.strictObject({ intake: z.boolean(), return: z.boolean() }),
  /**
   * On the spot (4 tại chỗ): received, appraised, approved and returned at the desk in one visit.
   * Needs a processing time of at most 1 working day (8 working hours) and no handover
   * (validateCatalogueFile); absent: false.
   */
  on_the_spot: z.boolean().default(false),
  /** Ordered steps; empty when no internal process has been approved. */
  internal_process: z.array(processStepSchema).default([]),
  version: versionSchema,
  /** What the importer is unsure of; not part of the published content. */
  notes,
});

/** The whole file, as one schema (validateCatalogueFile checks record by record with the parts above, to report everything). */
export const catalogueFileSchema = z.strictObject({
  format: z.literal(CATALOGUE_FILE_FORMAT, { error: `must be "${CATALOGUE_FILE_FORMAT}"` }),
  tenant: z.string().regex(TENANT_ID, { error: 'a tenant id such as hung-yen' }),
  /** About the file as a whole (sources, what is unverified). */
  notes,
  units: z.array(unitSchema).default([]),
  agencies: z.array(agencySchema).default([]),
  desks: z.array(deskSchema).default([]),
  procedures: z.array(procedureSchema).default([]),
});

/** The file as written (optional fields may be missing). */
export type CatalogueFileInput = z.input<typeof catalogueFileSchema>;
/** A validated catalogue: defaults applied, text normalised. */
export type Catalogue = z.output<typeof catalogueFileSchema>;
export type CatalogueUnit = z.output<typeof unitSchema>;
export type CatalogueAgency = z.output<typeof agencySchema>;
export type CatalogueDesk = z.output<typeof deskSchema>;
export type CatalogueProcedure = z.output<typeof procedureSchema>;
export type CatalogueComponent = CatalogueProcedure['components'][number];
export type CatalogueFee = CatalogueProcedure['fees'][number];
export type CatalogueProcessStep = CatalogueProcedure['internal_process'][number];
export type UnitLevel = (typeof LEVELS)[number];
export type AgencyKind = (typeof AGENCY_KINDS)[number];
