/**
 * The roster as a warm Lambda sees it: loaded once, then re-checked at most every
 * `checkEveryMs` by reading the store's small version marker, and reloaded only when an import
 * changed it. Lookups (`index()`) stay synchronous for the pure campaign code; `refresh()` is
 * awaited once per invocation, before the work. A failed refresh keeps the last good roster:
 * correlation must not stop because the roster could not be read for a moment.
 */
import { buildRoster, EMPTY_ROSTER, type Roster as RosterIndex } from '../campaigns/roster.ts';
import type { Roster, RosterSource } from './roster.ts';

export interface VersionedRosterSource extends RosterSource {
  /** A cheap marker that changes with every import (undefined: no roster yet). */
  pointer(): Promise<{ version: string } | undefined>;
}

export class CurrentRoster {
  private loaded: { version: string; roster: Roster; index: RosterIndex } | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly source: VersionedRosterSource,
    private readonly options: {
      region?: string;
      checkEveryMs?: number;
      now?: () => number;
      onError?: (error: Error) => void;
    } = {},
  ) {}

  /** The roster indexed for lookups by address, number and name; empty until the first refresh. */
  index(): RosterIndex {
    return this.loaded?.index ?? EMPTY_ROSTER;
  }

  /** Concurrent callers share one check. */
  refresh(): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    if (now - this.checkedAt < (this.options.checkEveryMs ?? 30_000)) return Promise.resolve();
    this.inFlight ??= this.check(now).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async check(now: number) {
    try {
      const pointer = await this.source.pointer();
      if (!pointer) this.loaded = undefined;
      else if (pointer.version !== this.loaded?.version) {
        const roster = await this.source.load();
        this.loaded = roster
          ? {
              version: pointer.version,
              roster,
              index: buildRoster(roster.entries, this.options.region),
            }
          : undefined;
      }
      this.checkedAt = now;
    } catch (error) {
      this.options.onError?.(error as Error);
    }
  }
}
