/**
 * Keeping the member-warnings subscriptions in step with the roster: everyone with an email
 * gets an email subscription, everyone with a mobile an SMS one, each filtered to the audiences
 * they belong to. The sync computes the difference and applies only that.
 */
import { audienceGroupOf, type Roster, type RosterEntry } from './roster.ts';

export type SubscriptionProtocol = 'email' | 'sms';

export interface Subscription {
  /** The provider's id (an SNS subscription ARN); absent while it waits for confirmation. */
  id?: string;
  protocol: SubscriptionProtocol;
  endpoint: string;
  /** SNS filter policy on the `audience` attribute. */
  audiences: string[];
}

/** The topic's subscriptions: SNS in AWS, a JSON file locally. */
export interface SubscriptionDirectory {
  list(): Promise<Subscription[]>;
  subscribe(subscription: Omit<Subscription, 'id'>): Promise<void>;
  unsubscribe(subscription: Subscription): Promise<void>;
}

export interface SyncPlan {
  add: Array<Omit<Subscription, 'id'>>;
  remove: Subscription[];
  unchanged: number;
  /** Waiting for the person to confirm: SNS cannot remove these, and re-adding would re-send the invitation. */
  pending: number;
}

export const audiencesOf = (entry: Pick<RosterEntry, 'role'>): string[] => {
  const group = audienceGroupOf(entry);
  return group ? ['all', group] : ['all'];
};

const keyOf = (s: Pick<Subscription, 'protocol' | 'endpoint' | 'audiences'>) =>
  `${s.protocol}:${s.endpoint.toLowerCase()}:${[...s.audiences].sort().join('+')}`;

export function desiredSubscriptions(roster: Roster): Array<Omit<Subscription, 'id'>> {
  const wanted = new Map<string, Omit<Subscription, 'id'>>();
  for (const entry of roster.entries) {
    const audiences = audiencesOf(entry);
    if (entry.email)
      wanted.set(keyOf({ protocol: 'email', endpoint: entry.email, audiences }), {
        protocol: 'email',
        endpoint: entry.email,
        audiences,
      });
    if (entry.mobile)
      wanted.set(keyOf({ protocol: 'sms', endpoint: entry.mobile, audiences }), {
        protocol: 'sms',
        endpoint: entry.mobile,
        audiences,
      });
  }
  return [...wanted.values()];
}

/** Pure: what to add and remove so the directory matches the roster (a role change is a remove plus an add). */
export function planSync(roster: Roster, current: Subscription[]): SyncPlan {
  const desired = desiredSubscriptions(roster);
  const desiredKeys = new Set(desired.map(keyOf));
  const currentKeys = new Set(current.map(keyOf));
  const pending = current.filter((s) => !s.id);
  return {
    add: desired.filter((s) => !currentKeys.has(keyOf(s))),
    remove: current.filter((s) => s.id && !desiredKeys.has(keyOf(s))),
    unchanged: current.filter((s) => desiredKeys.has(keyOf(s))).length,
    pending: pending.length,
  };
}

export interface SyncFailure {
  action: 'subscribe' | 'unsubscribe';
  protocol: SubscriptionProtocol;
  endpoint: string;
  reason: string;
}

/** One subscription the provider refused does not hold up the others: each is tried, failures listed. */
export async function syncSubscriptions(
  directory: SubscriptionDirectory,
  roster: Roster,
  options: { dryRun?: boolean } = {},
): Promise<SyncPlan & { failed: SyncFailure[] }> {
  const plan = planSync(roster, await directory.list());
  const failed: SyncFailure[] = [];
  if (options.dryRun) return { ...plan, failed };
  const attempt = async (
    action: SyncFailure['action'],
    subscription: Omit<Subscription, 'id'>,
    run: () => Promise<void>,
  ) => {
    try {
      await run();
    } catch (error) {
      failed.push({
        action,
        protocol: subscription.protocol,
        endpoint: subscription.endpoint,
        reason: (error as Error).message,
      });
    }
  };
  for (const s of plan.remove) await attempt('unsubscribe', s, () => directory.unsubscribe(s));
  for (const s of plan.add) await attempt('subscribe', s, () => directory.subscribe(s));
  return { ...plan, failed };
}
