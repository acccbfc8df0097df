/**
 * A task run every `intervalMs` (the first run at once), never overlapping itself.
 * Errors are reported and the next tick tries again (database down, say). `stop()`
 * waits for a run in progress. The audit sealer, reminder sweeper and job pruner are
 * built on it.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError?: (err: unknown) => void,
  ) {}

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** One run now; errors go to onError. */
  async runOnce(): Promise<void> {
    try {
      await this.run();
    } catch (err) {
      this.onError?.(err);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
