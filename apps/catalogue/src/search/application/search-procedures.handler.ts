import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authorizeCaller } from '@motcua/auth';
import { TenantTransactionRunner } from '@motcua/persistence';
import { CatalogueError, CatalogueErrorCode } from '../../procedure/domain/catalogue.errors';
import { ONLINE_LEVELS, PROCEDURE_LEVELS } from '../../procedure/domain/procedure';
import { optionalText } from '../../shared/application/parse';
import { FieldErrors, isOneOf } from '../../shared/domain/validation';
import { MAX_QUERY_LENGTH, parseSearchQuery } from '../domain/search-text';
import { ProcedureSearchRepository, SearchFilters, SearchHitRow } from '../persistence/procedure-search.repository';

type Text = string | null | undefined;

export interface SearchProceduresInput {
  query?: Text;
  field?: Text;
  level?: Text;
  agencyCode?: Text;
  onlineLevel?: Text;
  pageSize?: number | null;
  pageToken?: Text;
}

export interface SearchProceduresResult {
  hits: SearchHitRow[];
  nextPageToken: string;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Deep offsets cost; a public search this far down is a crawler. */
const MAX_OFFSET = 10_000;

/** A page token: the offset, bound to the query and filters it was issued for. */
function bind(request: object): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('base64url').slice(0, 12);
}

/** Public search over the procedures in force now, ranked; offset tokens bound to the query. */
@Injectable()
export class SearchProceduresHandler {
  constructor(
    private readonly runner: TenantTransactionRunner,
    private readonly search: ProcedureSearchRepository,
  ) {}

  async execute(input: SearchProceduresInput, now = new Date()): Promise<SearchProceduresResult> {
    authorizeCaller('procedure.read');
    const errors = new FieldErrors();
    const queryText = input.query ?? '';
    errors.check(queryText.length <= MAX_QUERY_LENGTH, 'query', `at most ${MAX_QUERY_LENGTH} characters`);
    const filters: SearchFilters = {};
    const field = optionalText(input.field?.trim());
    if (field !== null) filters.field = field.normalize('NFC');
    const level = optionalText(input.level);
    if (level !== null && errors.check(isOneOf(PROCEDURE_LEVELS, level), 'level', 'province, commune or district')) filters.level = level;
    const agencyCode = optionalText(input.agencyCode);
    if (agencyCode !== null) filters.agencyCode = agencyCode;
    const onlineLevel = optionalText(input.onlineLevel);
    if (onlineLevel !== null && errors.check(isOneOf(ONLINE_LEVELS, onlineLevel), 'onlineLevel', 'full, partial or none')) filters.onlineLevel = onlineLevel;
    const pageSize = input.pageSize ?? 0;
    errors.check(Number.isInteger(pageSize) && pageSize >= 0 && pageSize <= MAX_PAGE_SIZE, 'pageSize', `0–${MAX_PAGE_SIZE} (0: ${DEFAULT_PAGE_SIZE})`);
    const limit = pageSize === 0 ? DEFAULT_PAGE_SIZE : pageSize;
    const binding = bind({ q: queryText.trim(), ...filters, limit });
    let offset = 0;
    const token = optionalText(input.pageToken);
    if (token !== null) {
      const match = /^(\d{1,5})\.([A-Za-z0-9_-]{12})$/.exec(token);
      if (errors.check(match !== null && match[2] === binding && Number(match[1]) <= MAX_OFFSET, 'pageToken', 'a token from the previous page of this same search')) offset = Number(match?.[1]);
    }
    if (!errors.empty) throw new CatalogueError(CatalogueErrorCode.QueryInvalid, 'The search is invalid', { errors: errors.errors });

    const query = parseSearchQuery(queryText);
    const rows = await this.runner.run((manager) => this.search.search(manager, query, filters, now, limit + 1, offset));
    const more = rows.length > limit && offset + limit < MAX_OFFSET;
    return { hits: rows.slice(0, limit), nextPageToken: more ? `${offset + limit}.${binding}` : '' };
  }
}
