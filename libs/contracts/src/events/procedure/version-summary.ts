import { z } from 'zod';

/** Pieces shared by the catalogue's event schemas (not an event type itself). */
export const agencyIdSchema = z.string().regex(/^[0-9A-Z][0-9A-Z.]{2,39}$/).describe('Agency identifier code, e.g. "000.00.17.H33"');
export const instantSchema = z.iso.datetime({ offset: true }).describe('RFC 3339 instant');
export const actorSchema = z.string().min(1).max(255).describe("The acting staff member's opaque subject (token `sub`)");
export const decisionSchema = z
  .strictObject({
    number: z.string().min(1).max(100).describe('Number of the deciding document, e.g. "1234/QĐ-UBND"'),
    date: z.iso.date().describe('Date the decision was signed'),
  })
  .describe('The decision that published (or ended) the version');
export const procedureLevelSchema = z.enum(['province', 'commune', 'district']).describe('Level of the procedure; district is the legacy level (before 1 July 2025)');

/** What a published version of a procedure says, as far as other services need it. */
export const procedureVersionSummary = {
  procedureId: z.uuid().describe('The procedure, stable across versions'),
  versionId: z.uuid().describe('This version: what a dossier keeps'),
  code: z.string().min(1).max(64).describe('National procedure code, e.g. "1.001193"'),
  name: z.string().min(1).max(1000).describe('Vietnamese name of the procedure'),
  version: z.int().min(1),
  field: z.string().min(1).max(200).nullable().describe('Field (lĩnh vực); null when the version does not say'),
  level: procedureLevelSchema.nullable(),
  agencyId: agencyIdSchema.nullable().describe("Competent agency; null: the People's Committee of the applicant's unit"),
  processingTime: z.strictObject({ unit: z.enum(['days', 'hours']), amount: z.int().min(0) }).describe('Working days, or working hours through office hours'),
  onlineLevel: z.enum(['full', 'partial', 'none']),
  locationIndependent: z.boolean(),
  postalIntake: z.boolean(),
  postalReturn: z.boolean(),
  onTheSpot: z
    .boolean()
    .default(false)
    .describe('On the spot (4 tại chỗ): received, appraised, approved and returned at the desk in one visit; absent (false) in events published before the flag existed'),
  components: z
    .array(z.strictObject({ code: z.string().min(1).max(64).describe('Component code, stable within the procedure, e.g. "TK01"'), mandatory: z.boolean() }))
    .describe('Components (papers) a dossier of this version is made of'),
  effectiveFrom: instantSchema.describe('Start of the version (included)'),
  decision: decisionSchema.nullable(),
  publishedBy: actorSchema,
  publishedAt: instantSchema,
};
