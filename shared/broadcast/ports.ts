/** What the broadcast use case needs from the outside world. */
import type {
  BroadcastApproval,
  BroadcastPublication,
  BroadcastRecord,
  BroadcastRequestRecord,
  CampaignBrief,
} from './broadcast.ts';

/** The rate limit: at most one broadcast per interval, unless an officer overrides it. */
export interface SendSlot {
  broadcastId: string;
  now: Date;
  minIntervalMs: number;
  override: boolean;
}

export type SlotRefused = { outcome: 'rate-limited'; retryAfterSeconds: number };

/**
 * The audit trail. Every fact is written once (conditional on not existing) and never changed:
 * the request, the approval, the publication. Only the rate-limit slot is updated in place.
 */
export interface BroadcastStore {
  /** Stores the request; with a slot, takes the rate-limit slot in the same transaction. */
  create(
    request: BroadcastRequestRecord,
    slot?: SendSlot,
  ): Promise<{ outcome: 'created' | 'exists' } | SlotRefused>;
  /** Records the (single) approval and takes the slot, together. */
  approve(
    id: string,
    approval: BroadcastApproval,
    slot: SendSlot,
  ): Promise<{ outcome: 'approved' | 'exists' } | SlotRefused>;
  /** Records the SNS message id; a second call for the same broadcast changes nothing. */
  recordPublication(id: string, publication: BroadcastPublication): Promise<void>;
  get(id: string): Promise<BroadcastRecord | undefined>;
}

/** Campaign details for the members' warning, already filtered by TLP. */
export interface CampaignBriefs {
  brief(ids: string[]): Promise<{ briefs: CampaignBrief[]; unknown: string[] }>;
}
