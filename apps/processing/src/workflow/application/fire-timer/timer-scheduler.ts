import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { isDomainError } from '@motcua/domain-kernel';
import { newTraceId, runInTenant } from '@motcua/tenancy';
import { TimerKind } from '../../domain/workflow-commands';
import { ProcessingClock } from '../processing-clock';
import { FireTimerHandler } from './fire-timer.handler';

export interface TimerSchedulerOptions {
  /** A connection as the relay role, which may list every tenant's due timers (ids and instants only). */
  discoveryUrl: string;
  pollMs: number;
  batchSize: number;
  enabled: boolean;
  /** How long a timer whose firing failed waits before it is tried again. Default 60 s. */
  failedRetryMs?: number;
}

/**
 * Polls for due timers across tenants and fires each in its tenant's own transaction. Safe with
 * several replicas: discovery only proposes, FireTimerHandler's row lock decides.
 */
@Injectable()
export class TimerScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimerScheduler.name);
  private readonly pool: Pool;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly options: TimerSchedulerOptions,
    private readonly fire: FireTimerHandler,
    private readonly clock: ProcessingClock,
  ) {
    this.pool = new Pool({ connectionString: options.discoveryUrl, max: 1 });
  }

  onApplicationBootstrap(): void {
    if (this.options.enabled) this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    await this.pool.end();
  }

  /** One pass: fires every timer due now; returns how many fired. */
  async tick(): Promise<number> {
    const { rows } = await this.pool.query<{ tenant_id: string; dossier_id: string; kind: TimerKind }>(
      `SELECT tenant_id, dossier_id, kind FROM processing.timers WHERE fire_at <= $1 ORDER BY fire_at LIMIT $2`,
      [this.clock.now(), this.options.batchSize],
    );
    let fired = 0;
    for (const row of rows) {
      if (this.stopped) break;
      try {
        const outcome = await runInTenant({ tenantId: row.tenant_id, traceId: newTraceId() }, () => this.fire.execute(row.dossier_id, row.kind));
        if (outcome === 'fired') fired += 1;
      } catch (error) {
        // A concurrent officer action won the version: the timer stays and is tried again. Any
        // other failure defers the timer a while, so a timer that keeps failing cannot starve the rest.
        if (isDomainError(error)) continue;
        this.logger.error({ err: error, tenantId: row.tenant_id, dossierId: row.dossier_id, kind: row.kind }, 'timer failed; deferred');
        await runInTenant({ tenantId: row.tenant_id, traceId: newTraceId() }, () => this.fire.defer(row.dossier_id, row.kind, this.options.failedRetryMs ?? 60_000)).catch(
          (deferError: unknown) => this.logger.error({ err: deferError, tenantId: row.tenant_id, dossierId: row.dossier_id }, 'could not defer a failed timer'),
        );
      }
    }
    return fired;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error({ err: error }, 'timer discovery failed'))
        .then(() => {
          if (!this.stopped) this.schedule(this.options.pollMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}
