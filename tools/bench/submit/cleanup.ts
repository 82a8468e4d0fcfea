/**
 * What the run has started, closed in reverse order on success, failure or Ctrl-C. Each
 * closer runs once; a failing closer is reported and the others still run.
 */
export class Cleanup {
  private readonly closers: { name: string; close: () => Promise<void> }[] = [];
  private closing?: Promise<string[]>;

  add(name: string, close: () => Promise<void>): void {
    this.closers.push({ name, close });
  }

  /** Runs one closer now (e.g. the platform before pgbench) and forgets it. */
  async closeOne(name: string): Promise<void> {
    const index = this.closers.findIndex((closer) => closer.name === name);
    if (index < 0) return;
    const [closer] = this.closers.splice(index, 1);
    await closer.close();
  }

  /** Closes everything left; returns the failures as messages (already written to stderr). */
  closeAll(): Promise<string[]> {
    this.closing ??= (async () => {
      const failures: string[] = [];
      for (const closer of this.closers.splice(0).reverse()) {
        try {
          await closer.close();
        } catch (error) {
          const message = `could not ${closer.name}: ${error instanceof Error ? error.message : String(error)}`;
          process.stderr.write(`bench: ${message}\n`);
          failures.push(message);
        }
      }
      return failures;
    })();
    return this.closing;
  }
}
