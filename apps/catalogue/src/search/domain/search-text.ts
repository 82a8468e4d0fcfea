/**
 * Vietnamese search text for the public procedure search, for a PostgreSQL without extensions.
 *
 * No `unaccent` and no `pg_trgm` are assumed. The catalogue therefore folds text here, in
 * one place, and stores what PostgreSQL needs:
 *
 *   procedure_search(
 *     tenant_id, procedure_id, code,
 *     name_folded  text,      -- searchText(name): "dang ky khai sinh"
 *     name_exact   text,      -- exactText(name):  "đăng ký khai sinh" (diacritics kept)
 *     search_text  text,      -- every folded part, for display and LIKE fallbacks
 *     search_vector tsvector  -- built with the 'simple' configuration from FOLDED text only
 *   )
 *   CREATE INDEX ... USING gin (search_vector);
 *   CREATE INDEX ... (tenant_id, code text_pattern_ops);
 *
 * The vector is written with `SEARCH_VECTOR_SQL` from `searchDocument(...)`'s weighted parts
 * (name A, field B, agencies C, other D). A user query goes through `parseSearchQuery`, which
 * yields either a code prefix or a tsquery string made only of `[a-z0-9]` tokens joined by
 * `&` (and `:*` for prefix matching), so user input can never inject tsquery operators; the
 * string is still passed as a bind parameter, never spliced into SQL. `SEARCH_RANK_SQL` shows
 * the ranking: `ts_rank_cd` over the weighted vector, plus bonuses for the folded phrase at
 * word boundaries of the name, for the phrase as typed with its diacritics, and for an exact
 * name. 'simple' does no stemming and has no stop words, which suits Vietnamese (syllables
 * are words; "của", "và" matter in names).
 */

/** Characters that are letters to a reader but not decomposed by NFD. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { đ: 'd', Đ: 'd', ð: 'd', Ð: 'd' };
const UNDECOMPOSED_PATTERN = /[đĐðÐ]/g;
const COMBINING_MARKS = /\p{M}/gu;
/** Zero-width characters pasted from word processors and web pages. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const WHITESPACE = /\s+/gu;
const TOKEN_SEPARATOR = /[^a-z0-9]+/;

/** At most this many tokens of a query are used (the rest is ignored). */
export const MAX_QUERY_TOKENS = 12;
/** Longer tokens are cut to this length (no procedure word is longer). */
export const MAX_TOKEN_LENGTH = 40;
/** Longer queries are cut before folding (bounds the work done per request). */
export const MAX_QUERY_LENGTH = 500;

/**
 * Lower-case, without diacritics (đ → d), NFD-based, whitespace collapsed and trimmed.
 * Punctuation is kept: `foldVietnamese('Đăng ký  khai-sinh!')` is `'dang ky khai-sinh!'`.
 */
export function foldVietnamese(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .toLowerCase() // before NFD: lower-casing can itself produce marks ('İ' → 'i̇')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(WHITESPACE, ' ')
    .trim();
}

/** The folded words of a text: only `[a-z0-9]+`; punctuation and other scripts separate words. */
export function searchTokens(text: string): string[] {
  return foldVietnamese(text)
    .split(TOKEN_SEPARATOR)
    .filter((token) => token.length > 0);
}

/** Folded tokens joined by single spaces: the form stored in `name_folded` / `search_text`. */
export function searchText(text: string): string {
  return searchTokens(text).join(' ');
}

/**
 * Lower-case NFC text with diacritics kept, reduced to letters and digits separated by single
 * spaces: `exactText('Đăng ký, khai sinh')` is `'đăng ký khai sinh'`. Used to rank a match
 * typed with diacritics above one that only matches without them.
 */
export function exactText(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join(' ');
}

/** Whether the text carries Vietnamese diacritics (or đ): then the exact-text bonus applies. */
export function hasDiacritics(text: string): boolean {
  const lower = text.normalize('NFC').toLowerCase();
  return foldVietnamese(lower) !== lower.replace(ZERO_WIDTH, '').replace(WHITESPACE, ' ').trim();
}

/** The tokens of a query as used for matching: folded, deduplicated, at most MAX_QUERY_TOKENS, each cut to MAX_TOKEN_LENGTH. */
export function queryTokens(query: string): string[] {
  const seen = new Set<string>();
  for (const token of searchTokens(query.slice(0, MAX_QUERY_LENGTH))) {
    const cut = token.slice(0, MAX_TOKEN_LENGTH);
    if (!seen.has(cut)) seen.add(cut);
    if (seen.size === MAX_QUERY_TOKENS) break;
  }
  return [...seen];
}

/**
 * A tsquery for `to_tsquery('simple', $1)` requiring every word: `'dang & ky & khai & sinh'`.
 * Null when the query has no word (then search without a text condition, or return nothing).
 */
export function allWordsTsQuery(query: string): string | null {
  const tokens = queryTokens(query);
  return tokens.length === 0 ? null : tokens.join(' & ');
}

/**
 * A tsquery for `to_tsquery('simple', $1)` matching every word as a prefix, for type-ahead:
 * `'dang:* & ky:*'`. Null when the query has no word.
 */
export function prefixTsQuery(query: string): string | null {
  const tokens = queryTokens(query);
  return tokens.length === 0 ? null : tokens.map((token) => `${token}:*`).join(' & ');
}

/** The folded query for `plainto_tsquery('simple', $1)` (it ignores operators by itself). */
export function plainTsQueryText(query: string): string {
  return queryTokens(query).join(' ');
}

/** National procedure codes, or a prefix of one: `1.001193`, `1.0011`, `2.000815.000.00.00.H33`. */
const CODE_QUERY = /^\d\.\d{1,6}(?:\.[0-9A-Za-z]+)*$/;

export type SearchQuery =
  | { readonly kind: 'empty' }
  /** Match `code LIKE codePrefix || '%'` (codePrefix holds only digits, letters and dots). */
  | { readonly kind: 'code'; readonly codePrefix: string }
  | {
      readonly kind: 'text';
      readonly tokens: readonly string[];
      /** For `to_tsquery('simple', $1)`: every token as a prefix, joined by `&`. */
      readonly tsquery: string;
      /** The folded phrase (tokens joined by spaces), for the name-phrase bonus. */
      readonly phrase: string;
      /** The phrase as typed with its diacritics (exactText), or null when typed without any. */
      readonly exactPhrase: string | null;
    };

/** What a user typed, turned into safe parameters for the search SQL. */
export function parseSearchQuery(input: string): SearchQuery {
  const trimmed = input.slice(0, MAX_QUERY_LENGTH).replace(ZERO_WIDTH, '').trim();
  if (CODE_QUERY.test(trimmed)) return { kind: 'code', codePrefix: trimmed.toUpperCase() };
  const tokens = queryTokens(trimmed);
  if (tokens.length === 0) return { kind: 'empty' };
  const exact = exactText(trimmed);
  return {
    kind: 'text',
    tokens,
    tsquery: tokens.map((token) => `${token}:*`).join(' & '),
    phrase: tokens.join(' '),
    exactPhrase: hasDiacritics(trimmed) && exact.length > 0 ? exact : null,
  };
}

export interface SearchDocumentInput {
  name: string;
  field: string;
  /** Names of the implementing and competent agencies. */
  agencyNames: readonly string[];
  /** Anything else worth finding the procedure by (result documents, legal basis titles). */
  other?: readonly string[];
}

export interface SearchDocument {
  /** searchText(name) */
  nameFolded: string;
  /** exactText(name) */
  nameExact: string;
  /** Every folded part, space-joined. */
  searchText: string;
  /** Folded text per tsvector weight, for SEARCH_VECTOR_SQL ($1..$4). */
  weighted: { readonly A: string; readonly B: string; readonly C: string; readonly D: string };
}

/** What the catalogue stores for one procedure version to make it searchable. */
export function searchDocument(input: SearchDocumentInput): SearchDocument {
  const A = searchText(input.name);
  const B = searchText(input.field);
  const C = input.agencyNames.map(searchText).filter(Boolean).join(' ');
  const D = (input.other ?? []).map(searchText).filter(Boolean).join(' ');
  return {
    nameFolded: A,
    nameExact: exactText(input.name),
    searchText: [A, B, C, D].filter(Boolean).join(' '),
    weighted: { A, B, C, D },
  };
}

/** Builds the stored vector from searchDocument().weighted: parameters $1 (A) .. $4 (D). */
export const SEARCH_VECTOR_SQL = `setweight(to_tsvector('simple', $1), 'A') || setweight(to_tsvector('simple', $2), 'B') || setweight(to_tsvector('simple', $3), 'C') || setweight(to_tsvector('simple', $4), 'D')`;

/**
 * The ranked text search over one tenant (RLS supplies the tenant condition). Parameters:
 * $1 tsquery (SearchQuery.tsquery), $2 phrase, $3 exactPhrase or NULL, $4 limit, $5 offset.
 * `ts_rank_cd` normalisation 32 maps the rank into 0..1; the bonuses order an exact name first,
 * then a name that contains the phrase (at word boundaries), then one that contains it with the
 * diacritics as typed. Ties break on the folded name, then the code, so pages are stable.
 */
export const SEARCH_RANK_SQL = `SELECT procedure_id, code,
       ts_rank_cd(search_vector, q, 32)
       + CASE WHEN name_folded = $2 THEN 3 WHEN ' ' || name_folded || ' ' LIKE '% ' || $2 || ' %' THEN 1 ELSE 0 END
       + CASE WHEN $3::text IS NOT NULL AND ' ' || name_exact || ' ' LIKE '% ' || $3 || ' %' THEN 0.5 ELSE 0 END AS rank
  FROM procedure_search, to_tsquery('simple', $1) AS q
 WHERE search_vector @@ q
 ORDER BY rank DESC, name_folded, code
 LIMIT $4 OFFSET $5`;

/** The code search: `code LIKE $1 || '%'` with SearchQuery.codePrefix (no LIKE wildcard can occur in it). */
export const SEARCH_CODE_SQL = `SELECT procedure_id, code FROM procedure_search WHERE code LIKE $1 || '%' ORDER BY code LIMIT $2 OFFSET $3`;
