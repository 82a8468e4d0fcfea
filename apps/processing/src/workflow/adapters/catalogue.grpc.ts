import { status as GrpcStatus } from '@grpc/grpc-js';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { nationalWorkingCalendar, Weekday } from '@motcua/calendar';
import { CatalogueV1, GrpcServices } from '@motcua/contracts';
import { createGrpcClient, GrpcClient, readRpcError } from '@motcua/rpc';
import { currentTenant } from '@motcua/tenancy';
import { ProcedureVersionFacts, ProcessingCatalogue } from '../application/catalogue.port';
import { ProcessingError, ProcessingErrorCode } from '../domain/processing.errors';
import { WorkingClock, workingClockOf } from '../domain/working-clock';

const TRANSIENT: ReadonlySet<number> = new Set([GrpcStatus.UNAVAILABLE, GrpcStatus.DEADLINE_EXCEEDED]);

/** The catalogue away (down, slow): CATALOGUE_UNAVAILABLE, which callers may wait out; anything else as it came. */
function unavailableAsDomainError(error: unknown): never {
  const refusal = readRpcError(error);
  if (TRANSIENT.has(refusal.status)) {
    throw new ProcessingError(ProcessingErrorCode.CatalogueUnavailable, 'The catalogue does not answer; try again later', { status: refusal.code });
  }
  throw error;
}

/** A tenant's calendar is re-read after this long (and at once on `calendar.changed`). */
const CALENDAR_TTL_MS = 60_000;

/** The catalogue over gRPC, with the tenants' working calendars cached in memory. */
@Injectable()
export class GrpcProcessingCatalogue extends ProcessingCatalogue implements OnApplicationShutdown {
  private readonly client: GrpcClient<CatalogueV1.CatalogueServiceClient>;
  private readonly clocks = new Map<string, { clock: WorkingClock; until: number }>();

  constructor(url: string, deadlineMs: number) {
    super();
    this.client = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs });
  }

  async procedureVersion(versionId: string): Promise<ProcedureVersionFacts> {
    const procedure = await this.client.getProcedure({ versionId }).catch(unavailableAsDomainError);
    const definition = procedure.definition;
    return {
      name: procedure.name,
      internalProcess: (definition?.internalProcess ?? []).map((step) => ({
        name: step.name,
        role: step.role,
        agencyId: step.agencyId,
        share: step.share,
        handsOver: step.handsOver,
      })),
      onTheSpot: Boolean((definition as { onTheSpot?: boolean } | undefined)?.onTheSpot),
      resultDocument: { documentType: definition?.results[0]?.documentType ?? '', name: definition?.results[0]?.name ?? procedure.name },
    };
  }

  async workingClock(): Promise<WorkingClock> {
    const { tenantId } = currentTenant();
    const cached = this.clocks.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.clock;
    const calendar = await this.client.getCalendar({ year: 0 }).catch(unavailableAsDomainError);
    const clock = workingClockOf(
      nationalWorkingCalendar({
        officeHours: calendar.officeHours.map((interval) => ({ start: interval.start, end: interval.end })),
        weeklyRestDays: calendar.weeklyRestDays as Weekday[],
        extraDaysOff: calendar.overrides.filter((o) => o.kind === 'day_off').map((o) => o.date),
        extraWorkingDays: calendar.overrides.filter((o) => o.kind === 'working_day').map((o) => o.date),
      }),
    );
    this.clocks.set(tenantId, { clock, until: Date.now() + CALENDAR_TTL_MS });
    return clock;
  }

  async agencyNames(): Promise<Map<string, string>> {
    const { agencies } = await this.client.listAgencies({ unitCode: '', kind: '', asOf: '' });
    return new Map(agencies.filter((agency) => agency.name.trim() !== '').map((agency) => [agency.id, agency.name.trim()]));
  }

  /** The tenant changed its calendar: the next computation reads it again. */
  forgetCalendar(tenantId: string): void {
    this.clocks.delete(tenantId);
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
