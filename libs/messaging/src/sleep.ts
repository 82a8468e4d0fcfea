/** A sleep that `wake()` ends early (so stop() does not wait out a poll interval or a back-off). */
export class Sleeper {
  private timer?: NodeJS.Timeout;
  private resolveSleep?: () => void;
  private nudged = false;

  sleep(ms: number): Promise<void> {
    if (this.nudged) {
      this.nudged = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolveSleep = resolve;
      this.timer = setTimeout(() => this.wake(), ms);
    });
  }

  /** Ends the current sleep, or the next one at once when nobody sleeps now (the news is not lost). */
  nudge(): void {
    if (this.resolveSleep) this.wake();
    else this.nudged = true;
  }

  wake(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const resolve = this.resolveSleep;
    this.resolveSleep = undefined;
    resolve?.();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Exponential back-off: initial × 2^attempt, capped. */
export function backoffMs(attempt: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt));
}
