export default async function globalTeardown(): Promise<void> {
  const cleanup = (globalThis as { __motcuaTestCleanup?: () => Promise<void> }).__motcuaTestCleanup;
  if (cleanup) await cleanup();
}
