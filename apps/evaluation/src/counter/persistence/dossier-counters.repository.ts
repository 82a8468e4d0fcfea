import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { DossierCounters, EMPTY_COUNTERS } from '../domain/dossier-counters';

interface CounterRow {
  submitted: string;
  updated_at: Date;
}

/** Plain SQL: an upsert that adds in place, so concurrent consumers never lose an increment. */
@Injectable()
export class DossierCountersRepository {
  async addSubmitted(manager: EntityManager, count: number, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO evaluation.dossier_counters (tenant_id, submitted, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET submitted = dossier_counters.submitted + EXCLUDED.submitted,
         updated_at = GREATEST(dossier_counters.updated_at, EXCLUDED.updated_at)`,
      [currentTenant().tenantId, count, at],
    );
  }

  async get(manager: EntityManager): Promise<DossierCounters> {
    const rows: CounterRow[] = await manager.query(
      `SELECT submitted, updated_at FROM evaluation.dossier_counters WHERE tenant_id = $1`,
      [currentTenant().tenantId],
    );
    const row = rows[0];
    return row ? { submitted: Number(row.submitted), updatedAt: row.updated_at } : EMPTY_COUNTERS;
  }
}
