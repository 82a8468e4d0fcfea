import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { currentTenant } from '@motcua/tenancy';
import { CatalogueError, CatalogueErrorCode } from '../../../procedure/domain/catalogue.errors';
import { amendProcedure, ProcedureVersion, publishProcedure, validateDefinition } from '../../../procedure/domain/procedure';
import { ProcedureEventsPublisher } from '../../../procedure/events/procedure-events.publisher';
import { ProcedureRepository } from '../../../procedure/persistence/procedure.repository';
import { FieldErrors } from '../../../shared/domain/validation';
import { AdministrativeUnit, checkAgency, checkDesk, checkUnit } from '../../../structure/domain/structure';
import { StructureEventsPublisher } from '../../../structure/events/structure-events.publisher';
import { StructureRepository } from '../../../structure/persistence/structure.repository';
import { CsvPart } from '../../domain/catalogue-csv';
import { Catalogue, CatalogueProcedure } from '../../domain/catalogue-file.schema';
import { ImportError } from '../../domain/import-error';
import { ExistingCatalogue, ImportPlan, planImport } from '../../domain/plan-import';
import { validateCatalogueFile } from '../../domain/validate-catalogue-file';
import {
  agencyFromService,
  agencyToService,
  definitionToService,
  deskFromService,
  deskToService,
  publicationToService,
  unitFromService,
  unitToService,
} from '../catalogue-mapping';

export interface ImportCatalogueInput {
  /** The JSON file (UTF-8). */
  json?: Uint8Array | Buffer | string | null;
  /** CSV texts for the flat parts: `units`, `agencies`, `desks` (also accepted with `.csv`). */
  csv?: Record<string, string> | null;
  dryRun?: boolean | null;
}

export interface ImportCatalogueResult {
  dryRun: boolean;
  plan: ImportPlan;
}

const CSV_PARTS: readonly CsvPart[] = ['units', 'agencies', 'desks'];
const LEVEL_ORDER = { province: 0, district: 1, commune: 2 } as const;

/**
 * The gRPC error trailer holds 4 KiB of details (libs/rpc): the errors that fit are listed,
 * in file order, and `omitted` counts the rest. A dry run shows the same errors.
 */
const MAX_DETAILS_BYTES = 3300;

function invalid(errors: ImportError[], omitted = 0): CatalogueError {
  const listed: ImportError[] = [];
  let size = 0;
  for (const error of errors) {
    const entry = { field: error.location, location: error.location, code: error.code, message: error.message };
    const bytes = Buffer.byteLength(JSON.stringify(entry), 'utf8') + 1;
    if (size + bytes > MAX_DETAILS_BYTES) break;
    listed.push(error);
    size += bytes;
  }
  const total = errors.length + omitted;
  return new CatalogueError(CatalogueErrorCode.ImportInvalid, `The catalogue file has ${total} error(s); nothing was stored`, {
    errors: listed.map((e) => ({ field: e.location, location: e.location, code: e.code, message: e.message })),
    omitted: total - listed.length,
  });
}

/** A CatalogueError with field errors (a structure or definition check) at a location of the file. */
function relocate(error: unknown, location: string): ImportError[] {
  if (error instanceof CatalogueError) {
    const fieldErrors = (error.details as { errors?: { field: string; message: string }[] } | undefined)?.errors ?? [];
    if (fieldErrors.length > 0) return fieldErrors.map((e) => ({ location: e.field ? `${location}.${e.field}` : location, code: 'inconsistent', message: `the catalogue service: ${e.message}` }));
    return [{ location, code: 'inconsistent', message: error.message }];
  }
  throw error;
}

/**
 * Imports a tenant's catalogue file: validated whole (every error by location, nothing
 * stored on any), planned against what the tenant has (planImport; conflicts refuse it),
 * and applied in one tenant transaction — units, agencies, desks, then procedures as
 * version 1 or a new version — each write with its event in the outbox. Re-importing the same
 * file plans 0 changes and writes nothing.
 */
@Injectable()
export class ImportCatalogueHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly procedures: ProcedureRepository,
    private readonly structure: StructureRepository,
    private readonly procedureEvents: ProcedureEventsPublisher,
    private readonly structureEvents: StructureEventsPublisher,
  ) {}

  async execute(input: ImportCatalogueInput, now = new Date()): Promise<ImportCatalogueResult> {
    const actor = authorizeCaller('tenant.administer');
    authorizeCaller('procedure.manage');
    const catalogue = this.validate(input);
    const dryRun = input.dryRun === true;
    return this.runner.run(async (manager) => {
      const existing = await this.load(manager);
      const { incoming, errors } = this.comparable(catalogue, existing);
      if (errors.length > 0) throw invalid(errors);
      const plan = planImport(existing.comparable, incoming);
      if (plan.conflicts.length > 0) {
        throw new CatalogueError(CatalogueErrorCode.ImportConflict, 'The catalogue file would rewrite stored versions; nothing was stored', {
          errors: plan.conflicts.slice(0, 20).map((e) => ({ field: e.location, location: e.location, code: e.code, message: e.message.slice(0, 140) })),
          omitted: Math.max(0, plan.conflicts.length - 20),
        });
      }
      if (!dryRun && plan.changes > 0) await this.apply(manager, catalogue, plan, existing, actor.subject, now);
      return { dryRun, plan };
    });
  }

  private validate(input: ImportCatalogueInput): Catalogue {
    const raw = input.json;
    const json = raw === null || raw === undefined ? '' : typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
    const errors: ImportError[] = [];
    const csv: Partial<Record<CsvPart, string>> = {};
    for (const [name, text] of Object.entries(input.csv ?? {})) {
      const part = name.replace(/\.csv$/i, '') as CsvPart;
      if (CSV_PARTS.includes(part)) csv[part] = text;
      else errors.push({ location: name, code: 'invalid', message: 'a CSV file named units, agencies or desks' });
    }
    if (errors.length > 0) throw invalid(errors);
    const result = validateCatalogueFile({ json, csv }, { tenantId: currentTenant().tenantId });
    if (!result.ok) throw invalid(result.errors, result.omitted);
    // The service's own limits (name lengths, whole-percent fees…), reported where the file says it.
    const definitionErrors: ImportError[] = [];
    result.catalogue.procedures.forEach((procedure, index) => {
      const fieldErrors = new FieldErrors();
      validateDefinition(definitionToService(procedure), fieldErrors);
      for (const e of fieldErrors.errors) definitionErrors.push({ location: `procedures[${index}] (${e.field})`, code: 'inconsistent', message: `the catalogue service: ${e.message}` });
    });
    const codes = new Map<string, number>();
    result.catalogue.units.forEach((unit, index) => {
      const first = codes.get(unit.code);
      if (first !== undefined) definitionErrors.push({ location: `units[${index}].code`, code: 'inconsistent', message: `the catalogue service keeps one unit per code (also at units[${first}])` });
      else codes.set(unit.code, index);
    });
    if (definitionErrors.length > 0) throw invalid(definitionErrors);
    return result.catalogue;
  }

  private async load(manager: EntityManager): Promise<{ comparable: ExistingCatalogue; units: AdministrativeUnit[] }> {
    const units = await this.structure.listUnits(manager, {});
    const agencies = await this.structure.listAgencies(manager, {});
    const desks = await this.structure.listDesks(manager, null);
    const procedures = await this.procedures.listImportIdentities(manager);
    return { units, comparable: { units: units.map(unitFromService), agencies: agencies.map(agencyFromService), desks: desks.map(deskFromService), procedures } };
  }

  /** The file's records as the service would store them and read them back (see catalogue-mapping), without notes. */
  private comparable(catalogue: Catalogue, existing: { units: AdministrativeUnit[] }): { incoming: Catalogue; errors: ImportError[] } {
    const serviceForm = this.toService(catalogue, existing.units);
    return {
      errors: [],
      incoming: {
        ...catalogue,
        units: serviceForm.units.map(unitFromService),
        agencies: serviceForm.agencies.map(agencyFromService),
        desks: serviceForm.desks.map(deskFromService),
      },
    };
  }

  private toService(catalogue: Catalogue, storedUnits: AdministrativeUnit[]) {
    const unitFrom = new Map<string, string>(storedUnits.map((u) => [u.code, u.validFrom]));
    for (const unit of catalogue.units) unitFrom.set(unit.code, unit.valid_from);
    const fileProvinces = catalogue.units.filter((u) => u.level === 'province').map((u) => u.code);
    const provinces = fileProvinces.length > 0 ? fileProvinces : storedUnits.filter((u) => u.level === 'province').map((u) => u.code);
    return {
      units: catalogue.units.map(unitToService),
      agencies: catalogue.agencies.map((a) => agencyToService(a, (code) => unitFrom.get(code))),
      desks: catalogue.desks.map((d) => deskToService(d, provinces)),
    };
  }

  private async apply(manager: EntityManager, catalogue: Catalogue, plan: ImportPlan, existing: { units: AdministrativeUnit[] }, actor: string, now: Date): Promise<void> {
    const service = this.toService(catalogue, existing.units);
    const errors: ImportError[] = [];
    const writes = (entries: { action: string }[]) => new Set(entries.flatMap((entry, index) => (entry.action === 'create' || entry.action === 'update' ? [index] : [])));

    // Units: parents first (province, district, commune), each checked against the stored parent.
    const unitWrites = writes(plan.units);
    const unitOrder = [...unitWrites].sort((a, b) => LEVEL_ORDER[service.units[a].level] - LEVEL_ORDER[service.units[b].level] || a - b);
    for (const index of unitOrder) {
      const draft = service.units[index];
      try {
        const parent = draft.parentCode === null ? null : ((await this.structure.findUnit(manager, draft.parentCode)) ?? undefined);
        const unit = checkUnit(draft, parent);
        const created = await this.structure.upsertUnit(manager, unit, now);
        await this.structureEvents.unitChanged(manager, unit, { created, actor, now });
      } catch (error) {
        errors.push(...relocate(error, `units[${index}]`));
      }
    }
    // Agencies: a parent agency before its children.
    const pending = [...writes(plan.agencies)];
    const written = new Set<string>();
    while (pending.length > 0) {
      const ready = pending.findIndex((i) => {
        const parent = service.agencies[i].parentId;
        return parent === null || written.has(parent) || !pending.some((j) => service.agencies[j].id === parent);
      });
      const index = pending.splice(ready === -1 ? 0 : ready, 1)[0];
      const draft = service.agencies[index];
      try {
        const unitExists = (await this.structure.findUnit(manager, draft.unitCode)) !== null;
        const parentExists = draft.parentId !== null && (await this.structure.findAgency(manager, draft.parentId)) !== null;
        const agency = checkAgency(draft, { unitExists, parentExists });
        const created = await this.structure.upsertAgency(manager, agency, now);
        await this.structureEvents.agencyChanged(manager, agency, { created, actor, now });
        written.add(agency.id);
      } catch (error) {
        errors.push(...relocate(error, `agencies[${index}]`));
      }
    }
    for (const index of writes(plan.desks)) {
      const draft = service.desks[index];
      try {
        const agencyExists = (await this.structure.findAgency(manager, draft.agencyId)) !== null;
        const missingUnits = await this.structure.missingUnits(manager, [...new Set(draft.unitCodes)]);
        const desk = checkDesk(draft, { agencyExists, missingUnits });
        const created = await this.structure.upsertDesk(manager, desk, now);
        await this.structureEvents.deskChanged(manager, desk, { created, actor, now });
      } catch (error) {
        errors.push(...relocate(error, `desks[${index}]`));
      }
    }
    if (errors.length > 0) throw invalid(errors);

    for (const [index, entry] of plan.procedures.entries()) {
      if (entry.action !== 'create' && entry.action !== 'new_version') continue;
      const procedure = catalogue.procedures[index];
      try {
        await this.applyProcedure(manager, procedure, entry.fingerprint, actor, now);
      } catch (error) {
        errors.push(...relocate(error, `procedures[${index}]`));
      }
    }
    // Throwing rolls the whole transaction back: nothing of the file is stored.
    if (errors.length > 0) throw invalid(errors);
  }

  private async applyProcedure(manager: EntityManager, procedure: CatalogueProcedure, fingerprint: string, actor: string, now: Date): Promise<ProcedureVersion> {
    const definition = definitionToService(procedure);
    const publication = publicationToService(procedure);
    const latest = await this.procedures.lockLatest(manager, { code: procedure.code });
    if (latest === null) {
      const version: ProcedureVersion = {
        ...publishProcedure({ procedureId: randomUUID(), versionId: randomUUID(), code: procedure.code, definition, publication, now, actor }),
        fingerprint,
      };
      await this.procedures.insertProcedure(manager, version);
      await this.procedureEvents.published(manager, version);
      return version;
    }
    const { ended, created } = amendProcedure(latest, { versionId: randomUUID(), definition, publication, now, actor });
    const version: ProcedureVersion = { ...created, fingerprint };
    if (ended) await this.procedures.endVersion(manager, ended);
    await this.procedures.insertVersion(manager, version);
    await this.procedureEvents.amended(manager, version, ended);
    return version;
  }
}
