/**
 * The announcements a campaign's state calls for, each with a ledger key derived from the state
 * change itself, so a redelivered batch or a retried function finds the key taken and stays
 * quiet. Pure: which of them were already published is the ledger's business.
 */
import { announcedIdentifiers, type Campaign } from './campaign.ts';

export type CampaignChange =
  | { kind: 'campaign-formed'; key: string }
  | { kind: 'campaign-threshold'; key: string; threshold: number }
  | { kind: 'campaign-new-identifier'; keys: string[]; identifiers: string[] };

export const DEFAULT_TARGET_THRESHOLDS = [3, 10] as const;

export const formedKey = (id: string) => `campaign#${id}#formed`;
export const thresholdKey = (id: string, t: number) => `campaign#${id}#threshold#${t}`;
export const identifierEffectKey = (id: string, identifier: string) =>
  `campaign#${id}#identifier#${identifier}`;
/** A new sweep of follow-ups each time the campaign forms or absorbs another one. */
export const followUpSweepKey = (c: Pick<Campaign, 'id' | 'mergedFrom'>) =>
  `campaign#${c.id}#followups#${c.mergedFrom.length}`;
export const followUpKey = (reportId: string) => `followup#${reportId}`;

/** Everything a live, formed campaign should have announced by now, in announcement order. */
export function dueChanges(
  c: Campaign,
  thresholds: readonly number[] = DEFAULT_TARGET_THRESHOLDS,
): CampaignChange[] {
  if (!c.formed || c.mergedInto) return [];
  const changes: CampaignChange[] = [{ kind: 'campaign-formed', key: formedKey(c.id) }];
  for (const t of [...new Set(thresholds)].sort((a, b) => a - b)) {
    if (c.targetCount >= t)
      changes.push({ kind: 'campaign-threshold', key: thresholdKey(c.id, t), threshold: t });
  }
  const baseline = new Set(c.baseline);
  const fresh = announcedIdentifiers(c).filter((k) => !baseline.has(k));
  if (fresh.length > 0) {
    changes.push({
      kind: 'campaign-new-identifier',
      identifiers: fresh,
      keys: fresh.map((k) => identifierEffectKey(c.id, k)),
    });
  }
  return changes;
}
