import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which issuer serves a user: the national sign-in, a tenant's staff IdP, the national issuer. */
export type SeedUserKind = 'citizen' | 'staff' | 'national';

/** A test user of the local provider. Development and tests only: passwords are plain text. */
export interface SeedUser {
  username: string;
  password: string;
  /** The `sub` of the user's tokens: stable and opaque, never a CCCD number. */
  subject: string;
  kind: SeedUserKind;
  roles: string[];
  tenantId?: string;
  agencyId?: string;
  deskIds?: string[];
}

export const DEFAULT_USERS_FILE = join(__dirname, '..', 'users.json');

const KINDS: ReadonlySet<string> = new Set<SeedUserKind>(['citizen', 'staff', 'national']);

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

function parseUser(raw: unknown, index: number): SeedUser {
  const fail = (problem: string): never => {
    throw new TypeError(`Seed user #${index}: ${problem}`);
  };
  if (typeof raw !== 'object' || raw === null) return fail('not an object');
  const entry = raw as Record<string, unknown>;
  const { username, password, subject, kind, roles, tenantId, agencyId, deskIds } = entry;
  if (!isText(username)) return fail('username is missing');
  if (!isText(password)) return fail('password is missing');
  if (!isText(subject)) return fail('subject is missing');
  if (typeof kind !== 'string' || !KINDS.has(kind)) return fail('kind is not citizen, staff or national');
  if (!isTextList(roles)) return fail('roles must be a list of strings');
  if (tenantId !== undefined && !isText(tenantId)) return fail('tenantId must be a string');
  if (agencyId !== undefined && !isText(agencyId)) return fail('agencyId must be a string');
  if (deskIds !== undefined && !isTextList(deskIds)) return fail('deskIds must be a list of strings');
  const user: SeedUser = { username, password, subject, kind: kind as SeedUserKind, roles: [...roles] };
  if (tenantId !== undefined) user.tenantId = tenantId;
  if (agencyId !== undefined) user.agencyId = agencyId;
  if (deskIds !== undefined) user.deskIds = [...deskIds];
  return user;
}

/** Reads and checks a seed file (`{ "users": [...] }`); usernames and subjects are unique. */
export function loadSeedUsers(file: string = DEFAULT_USERS_FILE): SeedUser[] {
  const document: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const list = typeof document === 'object' && document !== null ? (document as { users?: unknown }).users : undefined;
  if (!Array.isArray(list)) throw new TypeError(`${file}: expected { "users": [...] }`);
  const users = list.map(parseUser);
  for (const field of ['username', 'subject'] as const) {
    const values = users.map((user) => user[field]);
    const duplicate = values.find((value, index) => values.indexOf(value) !== index);
    if (duplicate !== undefined) throw new TypeError(`${file}: ${field} ${duplicate} appears twice`);
  }
  return users;
}
