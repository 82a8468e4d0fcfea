import { createHash } from 'node:crypto';
import { Catalogue, CatalogueAgency, CatalogueDesk, CatalogueProcedure, CatalogueUnit } from './catalogue-file.schema';
import { ImportError } from './import-error';

/**
 * What re-importing a catalogue would change, decided without touching storage: the handler
 * loads the tenant's current state (`ExistingCatalogue`), calls planImport, refuses the import
 * if the plan has conflicts, and otherwise applies exactly the plan's creates, updates and new
 * versions in one transaction. A second import of the same file therefore plans nothing.
 *
 * - Procedures are versioned: a version is identified by (effective_from, decision_number)
 *   and its content by `procedureFingerprint`. The same version with the same content is
 *   `unchanged`; a later version is a `new_version`; the same version with other content, or
 *   a version taking effect on or before the newest stored one, is a `conflict` (history is
 *   never rewritten by an import: publish a new decision instead).
 * - Units (keyed by code and valid_from), agencies and desks are plain records: `create`,
 *   `update` (the fields that differ are listed) or `unchanged`.
 * - What is stored but absent from the file is left as it is and listed in `untouched`:
 *   withdrawing a procedure is an administrative act, not a side effect of an import.
 */

export interface ExistingProcedureVersion {
  effective_from: string;
  decision_number: string;
  /** procedureFingerprint() of the version's content, as stored when it was imported or published. */
  fingerprint: string;
}

export interface ExistingProcedure {
  code: string;
  versions: readonly ExistingProcedureVersion[];
}

export interface ExistingCatalogue {
  units: readonly CatalogueUnit[];
  agencies: readonly CatalogueAgency[];
  desks: readonly CatalogueDesk[];
  procedures: readonly ExistingProcedure[];
}

export const EMPTY_CATALOGUE: ExistingCatalogue = { units: [], agencies: [], desks: [], procedures: [] };

export type ProcedurePlanAction = 'create' | 'new_version' | 'unchanged' | 'conflict';
export type RecordPlanAction = 'create' | 'update' | 'unchanged';

export interface ProcedurePlanEntry {
  code: string;
  action: ProcedurePlanAction;
  effective_from: string;
  decision_number: string;
  fingerprint: string;
  /** For a conflict: why. For a new version whose content equals the newest stored one: a remark. */
  reason?: string;
}

export interface RecordPlanEntry {
  /** The code (units: `code@valid_from`). */
  key: string;
  action: RecordPlanAction;
  /** For an update: the fields whose values differ. */
  changed?: string[];
}

export interface ImportPlan {
  units: RecordPlanEntry[];
  agencies: RecordPlanEntry[];
  desks: RecordPlanEntry[];
  procedures: ProcedurePlanEntry[];
  /** Stored, absent from the file, left as they are. */
  untouched: { units: string[]; agencies: string[]; desks: string[]; procedures: string[] };
  /** Why the import cannot be applied; empty when it can. */
  conflicts: ImportError[];
  /** How many writes applying the plan makes (creates, updates, new versions). 0: the import changes nothing. */
  changes: number;
  summary: {
    procedures: Record<ProcedurePlanAction, number>;
    units: Record<RecordPlanAction, number>;
    agencies: Record<RecordPlanAction, number>;
    desks: Record<RecordPlanAction, number>;
  };
}

/** JSON with object keys sorted at every level and undefined members dropped: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}

/**
 * The identity of a procedure version's published content: SHA-256 of its canonical JSON,
 * without `version` (when it takes effect is not content) and `notes` (the importer's remarks).
 * Takes a validated procedure, so defaults and text normalisation are already applied.
 * `on_the_spot` counts only when true, so the versions imported before the flag existed keep
 * their fingerprints (re-importing their file changes nothing).
 */
export function procedureFingerprint(procedure: CatalogueProcedure): string {
  const { version: _version, notes: _notes, on_the_spot: onTheSpot, ...content } = procedure;
  return createHash('sha256').update(canonicalJson({ ...content, on_the_spot: onTheSpot ? true : undefined })).digest('hex');
}

export const unitKey = (unit: Pick<CatalogueUnit, 'code' | 'valid_from'>): string => `${unit.code}@${unit.valid_from}`;

function planRecords<T extends object>(existing: readonly T[], incoming: readonly T[], key: (record: T) => string): { entries: RecordPlanEntry[]; untouched: string[] } {
  const stored = new Map(existing.map((record) => [key(record), record] as const));
  const entries = incoming.map((record): RecordPlanEntry => {
    const k = key(record);
    const before = stored.get(k);
    if (before === undefined) return { key: k, action: 'create' };
    const fields = new Set([...Object.keys(before), ...Object.keys(record)]);
    const changed = [...fields]
      .filter((field) => canonicalJson((before as Record<string, unknown>)[field] ?? null) !== canonicalJson((record as Record<string, unknown>)[field] ?? null))
      .sort();
    return changed.length === 0 ? { key: k, action: 'unchanged' } : { key: k, action: 'update', changed };
  });
  const incomingKeys = new Set(incoming.map(key));
  const untouched = [...stored.keys()].filter((k) => !incomingKeys.has(k)).sort();
  return { entries, untouched };
}

function planProcedure(procedure: CatalogueProcedure, stored: ExistingProcedure | undefined): ProcedurePlanEntry {
  const { effective_from, decision_number } = procedure.version;
  const entry = { code: procedure.code, effective_from, decision_number, fingerprint: procedureFingerprint(procedure) };
  if (stored === undefined || stored.versions.length === 0) return { ...entry, action: 'create' };

  const same = stored.versions.find((version) => version.effective_from === effective_from && version.decision_number === decision_number);
  if (same) {
    return same.fingerprint === entry.fingerprint
      ? { ...entry, action: 'unchanged' }
      : {
          ...entry,
          action: 'conflict',
          reason: `the version of decision ${decision_number} in force from ${effective_from} is already stored with other content; publish the change by a new decision`,
        };
  }
  const sameDecision = stored.versions.find((version) => version.decision_number === decision_number);
  if (sameDecision) {
    return {
      ...entry,
      action: 'conflict',
      reason: `decision ${decision_number} already published a version in force from ${sameDecision.effective_from}, not ${effective_from}`,
    };
  }
  const newest = stored.versions.reduce((a, b) => (b.effective_from > a.effective_from ? b : a));
  if (effective_from <= newest.effective_from) {
    return {
      ...entry,
      action: 'conflict',
      reason: `a new version must take effect after the newest stored one (${newest.effective_from}, decision ${newest.decision_number})`,
    };
  }
  return newest.fingerprint === entry.fingerprint
    ? { ...entry, action: 'new_version', reason: 'same content as the version in force, republished by a new decision' }
    : { ...entry, action: 'new_version' };
}

const countBy = <A extends string>(actions: readonly A[], all: readonly A[]): Record<A, number> => {
  const counts = Object.fromEntries(all.map((action) => [action, 0])) as Record<A, number>;
  for (const action of actions) counts[action] += 1;
  return counts;
};

/** What importing `incoming` (a validated catalogue) over `existing` would do. Pure. */
export function planImport(existing: ExistingCatalogue, incoming: Catalogue): ImportPlan {
  const units = planRecords(existing.units, incoming.units, unitKey);
  const agencies = planRecords(existing.agencies, incoming.agencies, (agency) => agency.code);
  const desks = planRecords(existing.desks, incoming.desks, (desk) => desk.code);

  const storedProcedures = new Map(existing.procedures.map((procedure) => [procedure.code, procedure] as const));
  const procedures = incoming.procedures.map((procedure) => planProcedure(procedure, storedProcedures.get(procedure.code)));
  const incomingCodes = new Set(incoming.procedures.map((procedure) => procedure.code));

  const conflicts: ImportError[] = [];
  procedures.forEach((entry, index) => {
    if (entry.action === 'conflict') conflicts.push({ location: `procedures[${index}].version`, code: 'conflict', message: entry.reason ?? 'conflict' });
  });

  const recordActions: RecordPlanAction[] = ['create', 'update', 'unchanged'];
  const summary = {
    procedures: countBy(
      procedures.map((entry) => entry.action),
      ['create', 'new_version', 'unchanged', 'conflict'],
    ),
    units: countBy(
      units.entries.map((entry) => entry.action),
      recordActions,
    ),
    agencies: countBy(
      agencies.entries.map((entry) => entry.action),
      recordActions,
    ),
    desks: countBy(
      desks.entries.map((entry) => entry.action),
      recordActions,
    ),
  };
  const writes = (counts: Record<RecordPlanAction, number>): number => counts.create + counts.update;
  return {
    units: units.entries,
    agencies: agencies.entries,
    desks: desks.entries,
    procedures,
    untouched: {
      units: units.untouched,
      agencies: agencies.untouched,
      desks: desks.untouched,
      procedures: existing.procedures
        .map((procedure) => procedure.code)
        .filter((code) => !incomingCodes.has(code))
        .sort(),
    },
    conflicts,
    changes: summary.procedures.create + summary.procedures.new_version + writes(summary.units) + writes(summary.agencies) + writes(summary.desks),
    summary,
  };
}

/**
 * The state the catalogue would be in after applying a plan without conflicts, in the
 * `ExistingCatalogue` shape: what a repository would load next time. Lets tests (and a
 * dry run) show that importing the same file twice changes nothing.
 */
export function applyPlan(existing: ExistingCatalogue, incoming: Catalogue, plan: ImportPlan): ExistingCatalogue {
  if (plan.conflicts.length > 0) throw new Error('a plan with conflicts cannot be applied');
  const merge = <T>(before: readonly T[], after: readonly T[], key: (record: T) => string): T[] => {
    const map = new Map(before.map((record) => [key(record), record] as const));
    for (const record of after) map.set(key(record), record);
    return [...map.values()];
  };
  const procedures = new Map<string, { code: string; versions: ExistingProcedureVersion[] }>(
    existing.procedures.map((procedure) => [procedure.code, { code: procedure.code, versions: [...procedure.versions] }]),
  );
  plan.procedures.forEach((entry) => {
    if (entry.action !== 'create' && entry.action !== 'new_version') return;
    const version = { effective_from: entry.effective_from, decision_number: entry.decision_number, fingerprint: entry.fingerprint };
    const stored = procedures.get(entry.code);
    if (stored) stored.versions.push(version);
    else procedures.set(entry.code, { code: entry.code, versions: [version] });
  });
  return {
    units: merge(existing.units, incoming.units, unitKey),
    agencies: merge(existing.agencies, incoming.agencies, (agency) => agency.code),
    desks: merge(existing.desks, incoming.desks, (desk) => desk.code),
    procedures: [...procedures.values()],
  };
}
