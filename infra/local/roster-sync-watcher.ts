/**
 * The local stand-in for functions/roster-sync: in AWS the table stream starts the
 * member-warnings subscription sync when an import replaces the roster; locally the roster is
 * a file, so this watches its modification time and runs the same sync into
 * subscriptions.json. A sync that fails is logged and tried again on the next change.
 */
import { stat } from 'node:fs/promises';
import type { RosterSource } from '../../shared/roster/roster.ts';
import { type SubscriptionDirectory, syncSubscriptions } from '../../shared/roster/subscriptions.ts';

export function watchRosterForSync(options: {
  file: string;
  roster: RosterSource;
  subscriptions: SubscriptionDirectory;
  intervalMs?: number;
  log?: (line: string) => void;
}): { stop(): Promise<void>; settled(): Promise<void> } {
  let seen: number | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const mtimeMs = await stat(options.file).then(
      (s) => s.mtimeMs,
      () => undefined,
    );
    if (mtimeMs === undefined || mtimeMs === seen) return;
    seen = mtimeMs;
    try {
      const roster = await options.roster.load();
      if (!roster) return;
      const result = await syncSubscriptions(options.subscriptions, roster);
      options.log?.(
        `roster sync: ${result.add.length} added, ${result.remove.length} removed, ${result.unchanged} unchanged, ${result.failed.length} failed`,
      );
    } catch (error) {
      seen = undefined;
      options.log?.(`roster sync failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick);
  }, options.intervalMs ?? 1000);
  timer.unref();
  running = running.then(tick);
  return {
    settled: () => running,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
