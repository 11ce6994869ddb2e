/**
 * Exactly-once announcements of a campaign's state changes, and the follow-ups to reporters.
 * Every effect is keyed by the change itself in the EffectLedger, so running this again for the
 * same state (a redelivered batch, a retried function) publishes nothing new.
 *
 * A campaign's due changes grow with it (one key per identifier announced since it formed), and
 * every report of the campaign runs through them: the keys are read from the ledger in one batch
 * first (completedEffects) and only those not yet done are claimed. The claim stays the authority;
 * the read only skips keys that are done, which is final.
 */
import { composeCampaignAlert } from '../alerts/campaign-alert.ts';
import type { EffectLedger, Mailer, Notifier } from '../domain/ports.ts';
import { EFFECT_LEASE_MS, once } from '../usecases/once.ts';
import type { Campaign } from './campaign.ts';
import { composeFollowUp } from './follow-up.ts';
import { dueChanges, followUpKey, followUpSweepKey, thresholdKey } from './state-changes.ts';
import type { CorrelationStore } from './store.ts';

export interface EffectDeps {
  store: CorrelationStore;
  notifier: Notifier;
  mailer: Mailer;
  ledger: EffectLedger;
  thresholds: readonly number[];
}

/** A follow-up sweep covers at most this many reports (a formed campaign is announced anyway). */
const MAX_SWEEP = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const NONE: ReadonlySet<string> = new Set();

/** Every ledger key announce() and followUps() might claim for this campaign and report. */
export function effectKeys(
  campaign: Campaign,
  thresholds: readonly number[],
  self: { reportId: string; reporterEmail?: string },
): string[] {
  if (!campaign.formed || campaign.mergedInto) return [];
  const keys: string[] = [];
  for (const change of dueChanges(campaign, thresholds))
    keys.push(...(change.kind === 'campaign-new-identifier' ? change.keys : [change.key]));
  keys.push(followUpSweepKey(campaign));
  if (self.reporterEmail) keys.push(followUpKey(self.reportId));
  return keys;
}

/** The keys already done, in one batched read (nothing, if the ledger cannot tell). */
export async function completedEffects(
  ledger: EffectLedger,
  keys: readonly string[],
): Promise<ReadonlySet<string>> {
  if (keys.length === 0 || !ledger.completed) return NONE;
  return ledger.completed(keys);
}

/** Claims each key, waiting out another attempt's lease; returns the keys this call now holds. */
async function claimEach(ledger: EffectLedger, keys: readonly string[]): Promise<string[]> {
  const held: string[] = [];
  try {
    for (const key of keys) {
      const deadline = Date.now() + EFFECT_LEASE_MS * 1.5;
      for (;;) {
        const claim = await ledger.claim(key, EFFECT_LEASE_MS);
        if (claim.state === 'claimed') held.push(key);
        if (claim.state !== 'busy') break;
        if (Date.now() > deadline) throw new Error(`effect ${key} is still held by another attempt`);
        await sleep(Math.min(200, Math.max(20, claim.leaseUntil - Date.now() + 20)));
      }
    }
  } catch (error) {
    // Failing half-way must not leave the keys already held claimed until their leases lapse:
    // other attempts (in this process, the coalescing ledger) would wait on them.
    await releaseAll(ledger, held);
    throw error;
  }
  return held;
}

/** Releases every key it can; one failed release does not keep the others held. */
async function releaseAll(ledger: EffectLedger, keys: readonly string[]): Promise<void> {
  await Promise.allSettled(keys.map((key) => ledger.release(key)));
}

/**
 * Records every key as done, each retried a few times (giving up would let a retry repeat the
 * effect once the lease lapses); one that still fails does not stop the others.
 */
async function completeAll(ledger: EffectLedger, keys: readonly string[], detail: Record<string, string>) {
  const failures: unknown[] = [];
  for (const key of keys) {
    for (let attempt = 1; ; attempt++) {
      try {
        await ledger.complete(key, detail);
        break;
      } catch (error) {
        if (attempt >= 5) {
          failures.push(error);
          break;
        }
        await sleep(50 * 2 ** attempt);
      }
    }
  }
  if (failures.length > 0) throw failures[0];
}

/**
 * Publishes what is due for the campaign; returns the alert kinds published by this call.
 * `done`: keys known to be completed (completedEffects), skipped without a claim.
 */
export async function announce(
  deps: EffectDeps,
  campaign: Campaign,
  reportId: string,
  done: ReadonlySet<string> = NONE,
): Promise<string[]> {
  const published: string[] = [];
  for (const change of dueChanges(campaign, deps.thresholds)) {
    if (change.kind !== 'campaign-new-identifier' && done.has(change.key)) continue;
    if (change.kind === 'campaign-formed') {
      const done = await once(deps.ledger, change.key, async () => {
        const { messageId } = await deps.notifier.publish(
          composeCampaignAlert({ kind: change.kind, campaign, reportId }),
        );
        return { messageId };
      });
      if (!done) continue;
      published.push(change.kind);
      // Thresholds already reached as it forms are told in the formed alert, not again.
      for (const t of deps.thresholds.filter((t) => campaign.targetCount >= t)) {
        await once(deps.ledger, thresholdKey(campaign.id, t), async () => ({
          foldedInto: 'campaign-formed',
        }));
      }
    } else if (change.kind === 'campaign-threshold') {
      const done = await once(deps.ledger, change.key, async () => {
        const alert = composeCampaignAlert({
          kind: change.kind,
          campaign,
          reportId,
          threshold: change.threshold,
        });
        const { messageId } = await deps.notifier.publish(alert);
        return { messageId };
      });
      if (done) published.push(change.kind);
    } else {
      // One alert for the identifiers this call claimed; each identifier is announced once.
      const held = await claimEach(
        deps.ledger,
        change.keys.filter((key) => !done.has(key)),
      );
      if (held.length === 0) continue;
      const fresh = change.identifiers.filter((_, i) => held.includes(change.keys[i]!));
      let messageId: string;
      try {
        const alert = composeCampaignAlert({ kind: change.kind, campaign, reportId, newIdentifiers: fresh });
        ({ messageId } = await deps.notifier.publish(alert));
      } catch (error) {
        await releaseAll(deps.ledger, held);
        throw error;
      }
      await completeAll(deps.ledger, held, { messageId });
      published.push(change.kind);
    }
  }
  return published;
}

async function followUp(
  deps: EffectDeps,
  campaign: Campaign,
  reportId: string,
  reporter: string,
): Promise<boolean> {
  return once(deps.ledger, followUpKey(reportId), async () => {
    const mail = composeFollowUp({
      reportId,
      reporter,
      campaignId: campaign.id,
      otherTargets: Math.max(0, campaign.targetCount - 1),
    });
    const { messageId } = await deps.mailer.send({ to: [reporter], ...mail });
    return { messageId };
  });
}

/**
 * Tells reporters their report is part of a wider campaign, once per report: this report's
 * reporter whenever its campaign has formed, and — when the campaign has just formed or absorbed
 * another — every earlier reporter in it too.
 */
export async function followUps(
  deps: EffectDeps,
  campaign: Campaign,
  self: { reportId: string; reporterEmail?: string },
  done: ReadonlySet<string> = NONE,
): Promise<number> {
  if (!campaign.formed || campaign.mergedInto) return 0;
  let sent = 0;
  if (
    self.reporterEmail &&
    !done.has(followUpKey(self.reportId)) &&
    (await followUp(deps, campaign, self.reportId, self.reporterEmail))
  )
    sent++;
  if (done.has(followUpSweepKey(campaign))) return sent;
  await once(deps.ledger, followUpSweepKey(campaign), async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await deps.store.reportIdsOf(campaign.id, { limit: 100, cursor });
      ids.push(...page.items);
      cursor = page.cursor;
    } while (cursor && ids.length < MAX_SWEEP);
    const earlier = (await deps.store.links(ids.filter((id) => id !== self.reportId))).filter(
      (link) => link.reporterEmail,
    );
    const told = await completedEffects(
      deps.ledger,
      earlier.map((link) => followUpKey(link.reportId)),
    );
    for (const link of earlier) {
      if (told.has(followUpKey(link.reportId))) continue;
      if (await followUp(deps, campaign, link.reportId, link.reporterEmail!)) sent++;
    }
    return { reports: String(ids.length) };
  });
  return sent;
}
