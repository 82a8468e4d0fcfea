import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { SearchQuery } from '../domain/search-text';

export interface SearchFilters {
  field?: string;
  level?: string;
  agencyCode?: string;
  onlineLevel?: string;
}

export interface SearchHitRow {
  procedure_id: string;
  version_id: string;
  code: string;
  name: string;
  field: string | null;
  level: string | null;
  agency_id: string | null;
  agency_name: string | null;
  online_level: string;
  processing_unit: string;
  processing_amount: number;
}

const COLUMNS = `s.procedure_id, s.version_id, s.code, s.name, s.field, s.level, s.agency_id, s.agency_name, s.online_level, s.processing_unit, s.processing_amount`;

/**
 * The search rows of the versions in force at `at` (catalogue.procedure_search, written with
 * each version; forced row-level security keeps other tenants' rows out, and the tenant is
 * also named so the indexes lead with it).
 */
@Injectable()
export class ProcedureSearchRepository {
  async search(manager: EntityManager, query: SearchQuery, filters: SearchFilters, at: Date, limit: number, offset: number): Promise<SearchHitRow[]> {
    const values: unknown[] = [currentTenant().tenantId, at];
    const where = [`s.tenant_id = $1`, `s.effective_from <= $2`, `(s.effective_to IS NULL OR s.effective_to > $2)`];
    const param = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    if (filters.field) where.push(`s.field = ${param(filters.field)}`);
    if (filters.level) where.push(`s.level = ${param(filters.level)}`);
    if (filters.agencyCode) where.push(`s.agency_id = ${param(filters.agencyCode)}`);
    if (filters.onlineLevel) where.push(`s.online_level = ${param(filters.onlineLevel)}`);

    if (query.kind === 'text') {
      const q = param(query.tsquery);
      const phrase = param(query.phrase);
      const exact = param(query.exactPhrase);
      where.push(`s.search_vector @@ q`);
      return manager.query(
        `SELECT ${COLUMNS},
                ts_rank_cd(s.search_vector, q, 32)
                + CASE WHEN s.name_folded = ${phrase} THEN 3 WHEN ' ' || s.name_folded || ' ' LIKE '% ' || ${phrase} || ' %' THEN 1 ELSE 0 END
                + CASE WHEN ${exact}::text IS NOT NULL AND ' ' || s.name_exact || ' ' LIKE '% ' || ${exact}::text || ' %' THEN 0.5 ELSE 0 END AS rank
           FROM catalogue.procedure_search s, to_tsquery('simple', ${q}) AS q
          WHERE ${where.join(' AND ')}
          ORDER BY rank DESC, s.name_folded, s.code
          LIMIT ${param(limit)} OFFSET ${param(offset)}`,
        values,
      );
    }
    if (query.kind === 'code') where.push(`s.code LIKE ${param(query.codePrefix)} || '%'`);
    const order = query.kind === 'code' ? 's.code' : 's.name_folded, s.code';
    return manager.query(`SELECT ${COLUMNS} FROM catalogue.procedure_search s WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${param(limit)} OFFSET ${param(offset)}`, values);
  }
}
