/** "Name (code)" as a citizen reads an agency or desk; the bare code when no name is known. */
export function nameWithCode(name: string | null | undefined, code: string): string {
  const clean = name?.trim();
  if (!clean) return code;
  if (!code) return clean;
  return `${clean} (${code})`;
}
