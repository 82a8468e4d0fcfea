import { formatLocalDate, IsoDate, ProcessingTime, toLocalDate } from '@motcua/calendar';
import { checkIsoDate, checkText, checkUnique, FieldErrors, isOneOf } from '../../shared/domain/validation';
import { CatalogueError, CatalogueErrorCode, throwIfInvalid } from './catalogue.errors';
import { FeeSchedule, validateFeeSchedule } from './fees';

/**
 * An administrative procedure (TTHC) of a tenant and its versions. A procedure changes only
 * by publication: each version is immutable, in force from `effectiveFrom` until the next
 * version's start or a withdrawal (`effectiveTo`, set once), and names the decision that
 * published it. A dossier keeps the exact version id it was received under.
 */

export const PROCEDURE_LEVELS = ['province', 'commune', 'district'] as const;
/** `district` is the legacy level, abolished on 1 July 2025 and kept for older versions. */
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number];
export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export const COMPONENT_FORMS = ['original', 'copy', 'certified_copy', 'original_or_copy'] as const;
export type ComponentForm = (typeof COMPONENT_FORMS)[number];
export const PROCESS_ROLES = ['desk_officer', 'specialist', 'leader', 'clerk'] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];
export const TIME_UNITS = ['days', 'hours'] as const;

export interface Component {
  code: string;
  name: string;
  mandatory: boolean;
  form: ComponentForm;
  count: number;
  /** Reference of the form template to fill in, e.g. "Mẫu 01/TT04-2020". */
  formTemplate: string | null;
  /** Document type code, for reuse from the applicant's document wallet. */
  documentType: string | null;
}

export interface ResultDocument {
  code: string;
  name: string;
  documentType: string | null;
}

export interface ProcessStep {
  name: string;
  role: ProcessRole;
  /** Who does it; null: the competent agency. */
  agencyId: string | null;
  /** Share of the processing time, in (0, 1]; a process's shares sum to 1. */
  share: number;
  /** The step ends by handing the dossier over to another agency or level (liên thông). */
  handsOver: boolean;
}

/** Everything one version of a procedure says. */
export interface ProcedureDefinition {
  name: string;
  /** Lĩnh vực; null when published through the short form. */
  field: string | null;
  /** Null when published through the short form (it does not say). */
  level: ProcedureLevel | null;
  /** Null: the People's Committee of the applicant's unit (commune or district level only). */
  competentAgencyId: string | null;
  /** Null: the competent agency. */
  implementingAgencyId: string | null;
  legalBasis: string[];
  components: Component[];
  processingTime: ProcessingTime;
  fees: FeeSchedule;
  results: ResultDocument[];
  onlineLevel: OnlineLevel;
  locationIndependent: boolean;
  postalIntake: boolean;
  postalReturn: boolean;
  internalProcess: ProcessStep[];
  /**
   * On the spot (4 tại chỗ): received, appraised, approved and returned at the desk in one
   * visit. See ON_THE_SPOT_LIMITS and validateOnTheSpot for what such a version must say.
   */
  onTheSpot: boolean;
}

export interface DecisionRef {
  number: string;
  date: IsoDate;
}

export type VersionEndReason = 'superseded' | 'withdrawn';

export interface ProcedureVersion {
  /** The version's own id: what a dossier keeps. */
  id: string;
  procedureId: string;
  code: string;
  version: number;
  effectiveFrom: Date;
  /** Exclusive; null while open-ended. */
  effectiveTo: Date | null;
  endedBy: VersionEndReason | null;
  /** The decision that ended it (the withdrawal's, or the next version's). */
  endDecision: DecisionRef | null;
  decision: DecisionRef | null;
  publishedAt: Date;
  /** The actor's subject. */
  publishedBy: string;
  /** When version 1 was published. */
  procedureCreatedAt: Date;
  definition: ProcedureDefinition;
  /** procedureFingerprint() of the imported content (catalogue import); absent or null otherwise. */
  fingerprint?: string | null;
}

/** What ending a version changes: the only mutation a version ever gets. */
export interface VersionEnd {
  versionId: string;
  effectiveTo: Date;
  endedBy: VersionEndReason;
  endDecision: DecisionRef | null;
}

export interface Publication {
  /** Null: now. */
  effectiveFrom: Date | null;
  decision: DecisionRef | null;
}

/** National procedure codes: `1.001193`, optionally with a local suffix (`1.001193.000.00.00.H12`). */
export const PROCEDURE_CODE = /^\d\.\d{6}(\.[0-9A-Z]+)*$/;
/** Agency identifier codes, e.g. `000.00.17.H33` (also the first part of dossier codes). */
export const AGENCY_CODE = /^[0-9A-Z][0-9A-Z.]{2,39}$/;
const COMPONENT_CODE = /^[A-Za-z0-9_-]{1,32}$/;
const DOCUMENT_TYPE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Tolerance of the internal process's shares summing to 1 (they are binary fractions). */
export const SHARE_TOLERANCE = 1e-6;
const MAX_WORKING_DAYS = 365;
const MAX_WORKING_HOURS = 2000;
/**
 * The longest processing time of an on-the-spot procedure: one working day, in either unit.
 * Certification of copies and signatures is due "the day the request is received, or the next
 * working day when it arrives after 15:00" (Decree 23/2015/NĐ-CP), published as 1 working day.
 */
export const ON_THE_SPOT_LIMITS = { days: 1, hours: 8 } as const;

export function validateProcedureCode(code: string, errors: FieldErrors, field = 'code'): void {
  errors.check(PROCEDURE_CODE.test(code), field, 'a national procedure code such as 1.001193');
}

/** Every problem of a definition, reported under `errors`' prefix. */
export function validateDefinition(definition: ProcedureDefinition, errors: FieldErrors): void {
  const name = definition.name.trim();
  // 1000: the national database publishes names that long (1.013831 is 560 characters).
  errors.check(name.length >= 3 && name.length <= 1000, 'name', '3–1000 characters');
  if (definition.field !== null) checkText(errors, definition.field, 'field', 200);
  if (definition.level !== null) errors.check(isOneOf(PROCEDURE_LEVELS, definition.level), 'level', 'province, commune or district');
  if (definition.competentAgencyId !== null) {
    errors.check(AGENCY_CODE.test(definition.competentAgencyId), 'competentAgencyId', 'an agency identifier code such as 000.00.17.H33');
  } else {
    errors.check(
      definition.level === 'commune' || definition.level === 'district',
      'competentAgencyId',
      'required, unless a commune or district level procedure is decided by the People’s Committee of the applicant’s unit',
    );
  }
  if (definition.implementingAgencyId !== null) {
    errors.check(AGENCY_CODE.test(definition.implementingAgencyId), 'implementingAgencyId', 'an agency identifier code such as 000.00.17.H33');
  }
  errors.check(definition.legalBasis.length <= 100, 'legalBasis', 'at most 100 documents');
  definition.legalBasis.forEach((basis, index) => checkText(errors, basis, `legalBasis[${index}]`, 500));

  errors.check(definition.components.length <= 200, 'components', 'at most 200');
  definition.components.forEach((component, index) => {
    const at = `components[${index}]`;
    errors.check(COMPONENT_CODE.test(component.code), `${at}.code`, '1–32 letters, digits, - or _');
    errors.check(component.name.trim().length >= 2 && component.name.trim().length <= 500, `${at}.name`, 'required, at most 500 characters');
    errors.check(isOneOf(COMPONENT_FORMS, component.form), `${at}.form`, 'original, copy, certified_copy or original_or_copy');
    errors.check(Number.isInteger(component.count) && component.count >= 1 && component.count <= 100, `${at}.count`, 'a whole number, 1–100');
    if (component.formTemplate !== null) checkText(errors, component.formTemplate, `${at}.formTemplate`, 500);
    if (component.documentType !== null) errors.check(DOCUMENT_TYPE.test(component.documentType), `${at}.documentType`, 'a document type code');
  });
  checkUnique(errors, definition.components, (c) => c.code, (i) => `components[${i}].code`);

  const time = definition.processingTime;
  if (errors.check(isOneOf(TIME_UNITS, time.unit), 'processingTime.unit', 'days or hours')) {
    const max = time.unit === 'days' ? MAX_WORKING_DAYS : MAX_WORKING_HOURS;
    errors.check(Number.isInteger(time.amount) && time.amount >= 0 && time.amount <= max, 'processingTime.amount', `a whole number of working ${time.unit}, 0–${max}`);
  }

  validateFeeSchedule(definition.fees, errors.nested('fees'));

  errors.check(definition.results.length <= 50, 'results', 'at most 50');
  definition.results.forEach((result, index) => {
    errors.check(COMPONENT_CODE.test(result.code), `results[${index}].code`, '1–32 letters, digits, - or _');
    checkText(errors, result.name, `results[${index}].name`, 500);
    if (result.documentType !== null) errors.check(DOCUMENT_TYPE.test(result.documentType), `results[${index}].documentType`, 'a document type code');
  });
  checkUnique(errors, definition.results, (r) => r.code, (i) => `results[${i}].code`);

  errors.check(isOneOf(ONLINE_LEVELS, definition.onlineLevel), 'onlineLevel', 'full, partial or none');
  validateInternalProcess(definition.internalProcess, errors);
  if (definition.onTheSpot) validateOnTheSpot(definition, errors);
}

/**
 * What an on-the-spot (4 tại chỗ) version must say: the applicant waits at the desk while the
 * dossier is received, appraised, approved and returned, so
 * - it is done within one working day (ON_THE_SPOT_LIMITS: at most 1 working day or 8 working
 *   hours; 0 is allowed, "at once");
 * - it is received at a desk: every procedure is (the desk is always a channel, whatever the
 *   online level: `full` online adds the national portal, it does not close the desk), so there
 *   is nothing more to check for the channel;
 * - its internal process stays with the agency at the desk: no step hands the dossier over to
 *   another agency or level (an inter-agency flow cannot end in the same visit).
 * Each failure is reported on `onTheSpot`.
 */
export function validateOnTheSpot(definition: { processingTime: ProcessingTime; internalProcess: readonly Pick<ProcessStep, 'handsOver'>[] }, errors: FieldErrors): void {
  const time = definition.processingTime;
  if (isOneOf(TIME_UNITS, time.unit)) {
    const limit = ON_THE_SPOT_LIMITS[time.unit];
    errors.check(
      time.amount <= limit,
      'onTheSpot',
      `an on-the-spot procedure is done within one working day (at most ${ON_THE_SPOT_LIMITS.days} working day or ${ON_THE_SPOT_LIMITS.hours} working hours), not ${time.amount} working ${time.unit}`,
    );
  }
  const handover = definition.internalProcess.findIndex((step) => step.handsOver);
  if (handover >= 0) {
    errors.add('onTheSpot', `an on-the-spot procedure stays with one agency, but step ${handover + 1} of the internal process hands the dossier over to another agency or level`);
  }
}

/** An empty process is allowed (not yet approved); otherwise each step is valid and the shares sum to 1. */
export function validateInternalProcess(steps: ProcessStep[], errors: FieldErrors): void {
  errors.check(steps.length <= 50, 'internalProcess', 'at most 50 steps');
  steps.forEach((step, index) => {
    const at = `internalProcess[${index}]`;
    checkText(errors, step.name, `${at}.name`, 300);
    errors.check(isOneOf(PROCESS_ROLES, step.role), `${at}.role`, 'desk_officer, specialist, leader or clerk');
    if (step.agencyId !== null) errors.check(AGENCY_CODE.test(step.agencyId), `${at}.agencyId`, 'an agency identifier code such as 000.00.17.H33');
    errors.check(Number.isFinite(step.share) && step.share > 0 && step.share <= 1, `${at}.share`, 'a share of the time in (0, 1]');
  });
  if (steps.length > 0 && steps.every((s) => Number.isFinite(s.share))) {
    const total = steps.reduce((sum, s) => sum + s.share, 0);
    errors.check(Math.abs(total - 1) <= SHARE_TOLERANCE, 'internalProcess', `the shares sum to ${Number(total.toFixed(6))}, not 1`);
  }
}

/** Checks a decision: its number, and a date on or before the (local) day it takes effect. */
export function validateDecision(decision: DecisionRef, effective: Date, errors: FieldErrors, what: 'effectiveFrom' | 'effectiveTo'): void {
  const number = decision.number.trim();
  errors.check(number.length >= 1 && number.length <= 100, 'decision.number', 'required, at most 100 characters');
  if (checkIsoDate(errors, decision.date, 'decision.date')) {
    errors.check(decision.date <= formatLocalDate(toLocalDate(effective)), 'decision.date', `after the ${what === 'effectiveFrom' ? 'start' : 'end'} it decides`);
  }
}

/** Checks a publication: the decision (when given, or when required) against the start it decides. */
export function validatePublication(publication: Publication, now: Date, errors: FieldErrors, decisionRequired: boolean): void {
  const effectiveFrom = publication.effectiveFrom ?? now;
  if (publication.decision) validateDecision(publication.decision, effectiveFrom, errors, 'effectiveFrom');
  else if (decisionRequired) errors.add('decision', 'required: a new version is published by a decision');
}

function normalise(definition: ProcedureDefinition): ProcedureDefinition {
  return {
    ...definition,
    name: definition.name.trim(),
    field: definition.field?.trim() ?? null,
    legalBasis: definition.legalBasis.map((b) => b.trim()),
    components: definition.components.map((c) => ({ ...c, name: c.name.trim(), formTemplate: c.formTemplate?.trim() ?? null })),
    results: definition.results.map((r) => ({ ...r, name: r.name.trim() })),
    internalProcess: definition.internalProcess.map((s) => ({ ...s, name: s.name.trim() })),
  };
}

interface NewVersion {
  versionId: string;
  definition: ProcedureDefinition;
  publication: Publication;
  now: Date;
  /** The publishing actor's subject. */
  actor: string;
}

/** Version 1 of a new procedure. Throws PROCEDURE_INVALID with every field error. */
export function publishProcedure(input: NewVersion & { procedureId: string; code: string }): ProcedureVersion {
  const errors = new FieldErrors();
  validateProcedureCode(input.code, errors);
  validateDefinition(input.definition, errors.nested('definition'));
  validatePublication(input.publication, input.now, errors.nested('publication'), false);
  const effectiveFrom = input.publication.effectiveFrom ?? input.now;
  throwIfInvalid(CatalogueErrorCode.InvalidProcedure, 'The procedure is invalid', errors.errors);
  return {
    id: input.versionId,
    procedureId: input.procedureId,
    code: input.code,
    version: 1,
    effectiveFrom,
    effectiveTo: null,
    endedBy: null,
    endDecision: null,
    decision: input.publication.decision ? { number: input.publication.decision.number.trim(), date: input.publication.decision.date } : null,
    publishedAt: input.now,
    publishedBy: input.actor,
    procedureCreatedAt: input.now,
    definition: normalise(input.definition),
  };
}

function conflict(message: string, details: Record<string, unknown>): CatalogueError {
  return new CatalogueError(CatalogueErrorCode.VersionConflict, message, details);
}

/**
 * A new version after `latest` (the procedure's highest version), in force from the
 * publication's date; `latest` ends then unless it had already ended (a withdrawn procedure
 * published again). The decision is required.
 */
export function amendProcedure(latest: ProcedureVersion, input: NewVersion): { ended: VersionEnd | null; created: ProcedureVersion } {
  const errors = new FieldErrors();
  validateDefinition(input.definition, errors.nested('definition'));
  validatePublication(input.publication, input.now, errors.nested('publication'), true);
  const effectiveFrom = input.publication.effectiveFrom ?? input.now;
  const decision = input.publication.decision;
  throwIfInvalid(CatalogueErrorCode.InvalidProcedure, 'The new version is invalid', errors.errors);
  if (effectiveFrom.getTime() <= latest.effectiveFrom.getTime()) {
    throw conflict(`A new version must start after version ${latest.version} starts`, { version: latest.version, effectiveFrom: latest.effectiveFrom.toISOString() });
  }
  if (latest.effectiveTo !== null && effectiveFrom.getTime() < latest.effectiveTo.getTime()) {
    throw conflict(`Version ${latest.version} ended at ${latest.effectiveTo.toISOString()}; a new version cannot start before`, {
      version: latest.version,
      effectiveTo: latest.effectiveTo.toISOString(),
    });
  }
  const checkedDecision = decision as DecisionRef;
  const created: ProcedureVersion = {
    id: input.versionId,
    procedureId: latest.procedureId,
    code: latest.code,
    version: latest.version + 1,
    effectiveFrom,
    effectiveTo: null,
    endedBy: null,
    endDecision: null,
    decision: { number: checkedDecision.number.trim(), date: checkedDecision.date },
    publishedAt: input.now,
    publishedBy: input.actor,
    procedureCreatedAt: latest.procedureCreatedAt,
    definition: normalise(input.definition),
  };
  const ended: VersionEnd | null = latest.effectiveTo === null ? { versionId: latest.id, effectiveTo: effectiveFrom, endedBy: 'superseded', endDecision: created.decision } : null;
  return { ended, created };
}

/** Ends `latest` at `effectiveTo` (default now): nothing of the procedure is in force afterwards. */
export function withdrawProcedure(latest: ProcedureVersion, input: { effectiveTo: Date | null; decision: DecisionRef | null; now: Date }): VersionEnd {
  const effectiveTo = input.effectiveTo ?? input.now;
  const errors = new FieldErrors();
  if (input.decision) validateDecision(input.decision, effectiveTo, errors, 'effectiveTo');
  else errors.add('decision', 'required: a procedure is withdrawn by a decision');
  throwIfInvalid(CatalogueErrorCode.InvalidProcedure, 'The withdrawal is invalid', errors.errors);
  if (latest.effectiveTo !== null) {
    throw conflict(`Version ${latest.version} already ended`, { version: latest.version, effectiveTo: latest.effectiveTo.toISOString(), endedBy: latest.endedBy });
  }
  if (effectiveTo.getTime() <= latest.effectiveFrom.getTime()) {
    throw conflict(`Version ${latest.version} starts at ${latest.effectiveFrom.toISOString()}; the withdrawal must come after`, {
      version: latest.version,
      effectiveFrom: latest.effectiveFrom.toISOString(),
    });
  }
  const decision = input.decision as DecisionRef;
  return { versionId: latest.id, effectiveTo, endedBy: 'withdrawn', endDecision: { number: decision.number.trim(), date: decision.date } };
}

/** Whether the version is in force at `at`: from its start (included) to its end (excluded). */
export function isInForce(version: Pick<ProcedureVersion, 'effectiveFrom' | 'effectiveTo'>, at: Date): boolean {
  return version.effectiveFrom.getTime() <= at.getTime() && (version.effectiveTo === null || at.getTime() < version.effectiveTo.getTime());
}

/** The version applying `end` (versions are otherwise immutable). */
export function endVersion(version: ProcedureVersion, end: VersionEnd): ProcedureVersion {
  return { ...version, effectiveTo: end.effectiveTo, endedBy: end.endedBy, endDecision: end.endDecision };
}
