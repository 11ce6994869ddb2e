/**
 * The correlation use case, run by score-stream after scoring: index the report's identifiers,
 * and if it is a lure, join it to the campaign its identifiers or wording lead to — founding one,
 * or merging the several it links — then announce what changed and follow up with reporters.
 *
 * Safe under redelivery (the report's link records where it went; effects are ledger-keyed) and
 * under concurrency: identifiers are claimed with conditional writes (first lure owns them; a
 * later claimer reads the owner and merges), campaign writes are version-checked, and any
 * conflict sends the loop round again with fresh reads.
 *
 * Round trips per lure: one write storing its link with its postings (which also tells a
 * redelivery), the postings read and the earlier links (settled ones remembered) for its
 * incident, the incident claim, then the join: one batch read of the owners (with a join queue:
 * only those not yet known), one read per owning campaign (merged campaigns are remembered), and
 * one transaction writing the campaign, the report's link, its claims on unowned identifiers and
 * the campaign on the report — with a join queue, one such transaction for every report of the
 * group joining that campaign. Then one batched read of the effect keys already done.
 */
import type { EffectLedger, Mailer, Notifier } from '../domain/ports.ts';
import type { Assessment, Report } from '../domain/report.ts';
import { addReport, type Campaign, type Contribution, emptyCampaign, mergeCampaigns } from './campaign.ts';
import { announce, completedEffects, effectKeys, followUps } from './effects.ts';
import { conversationKey, featuresOf, type ReportFeatures } from './features.ts';
import { type Identifier, identifierKey, STRONG_KINDS } from './identifiers.ts';
import { decideLinks, type LinkReason, type OwnerView, repeatedIncident } from './link-decision.ts';
import type { Roster } from './roster.ts';
import { decodeSignature } from './similarity.ts';
import {
  type CorrelationStore,
  type IdentifierOwner,
  MAX_CLAIMS_PER_JOIN,
  MAX_JOIN_ITEMS,
  type Membership,
  type ReportLink,
} from './store.ts';

export interface CorrelateDeps {
  store: CorrelationStore;
  notifier: Notifier;
  mailer: Mailer;
  ledger: EffectLedger;
  roster: Roster;
  thresholds: readonly number[];
  /** Domains never linked on (ours, the reporters'), besides the common benign ones. */
  ignoreDomains?: readonly string[];
  newCampaignId: () => string;
  /**
   * Joins reports together (see joinQueue()): the reports waiting at one moment are decided in
   * order against one read of their owners, and those joining the same campaign are written in
   * one transaction. Without it, each report joins on its own.
   */
  joiner?: Joiner;
  now?: () => Date;
}

export interface CorrelationResult {
  /** The live campaign the report belongs to (undefined for a benign report). */
  campaignId?: string;
  incidentId?: string;
  /** True when the report repeats a conversation already reported. */
  duplicate: boolean;
  linkedBy: LinkReason[];
  /** Alert kinds published by this call. */
  alerts: string[];
  followUps: number;
}

const MAX_ATTEMPTS = 30;
/** Earlier reports read per strong identifier, to spot repeats and earlier benign reports. */
const POSTINGS_PER_IDENTIFIER = 25;
const MAX_MERGE_HOPS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Campaigns known to have been merged, per store: mergedInto is written once and never changes
 * (a merged campaign refuses every later write), so the hop can be remembered for the life of
 * the process and the chain from an old owner to the live campaign is not read again each time.
 */
const MERGED_CACHE_LIMIT = 50_000;
const mergedCaches = new WeakMap<CorrelationStore, Map<string, string>>();
function mergedHops(store: CorrelationStore): Map<string, string> {
  let hops = mergedCaches.get(store);
  if (!hops) {
    hops = new Map();
    mergedCaches.set(store, hops);
  }
  return hops;
}
function rememberMerge(store: CorrelationStore, absorbedId: string, survivorId: string) {
  const hops = mergedHops(store);
  if (hops.size >= MERGED_CACHE_LIMIT) hops.clear();
  hops.set(absorbedId, survivorId);
}

/**
 * Links that can no longer change, per store: a joined link keeps its campaign and incident (a
 * join requires none yet, and nothing else rewrites it), and a benign one is never joined. The
 * earlier reports incidentOf() reads are mostly these, so they are read once per process.
 */
const SETTLED_LINKS_LIMIT = 100_000;
const settledLinks = new WeakMap<CorrelationStore, Map<string, ReportLink>>();
async function linksOf(store: CorrelationStore, ids: readonly string[]): Promise<ReportLink[]> {
  let settled = settledLinks.get(store);
  if (!settled) {
    settled = new Map();
    settledLinks.set(store, settled);
  }
  const known = ids.flatMap((id) => settled.get(id) ?? []);
  const unknown = ids.filter((id) => !settled.has(id));
  const read = unknown.length > 0 ? await store.links(unknown) : [];
  for (const link of read) {
    if (!link.campaignId && link.verdict !== 'benign') continue;
    if (settled.size >= SETTLED_LINKS_LIMIT) settled.clear();
    settled.set(link.reportId, link);
  }
  return [...known, ...read];
}

/** The live campaign an id leads to, following mergedInto. */
export async function resolveCampaign(store: CorrelationStore, id: string): Promise<Campaign | undefined> {
  const hops = mergedHops(store);
  let start = id;
  for (let hop = 0; hops.has(start) && hop < MAX_MERGE_HOPS; hop++) start = hops.get(start)!;
  let campaign = await store.getCampaign(start);
  for (let hop = 0; campaign?.mergedInto && hop < MAX_MERGE_HOPS; hop++) {
    rememberMerge(store, campaign.id, campaign.mergedInto);
    campaign = await store.getCampaign(campaign.mergedInto);
  }
  return campaign?.mergedInto ? undefined : campaign;
}

/** The owners' live campaigns (consistent reads), and what the link decision needs of each. */
async function resolveOwners(store: CorrelationStore, owners: Map<string, IdentifierOwner>) {
  const ids = [...new Set([...owners.values()].map((o) => o.campaignId))];
  const resolved = await Promise.all(ids.map((id) => resolveCampaign(store, id)));
  const byOwner = new Map(ids.map((id, i) => [id, resolved[i]]));
  const live = new Map<string, Campaign>();
  const views = new Map<string, OwnerView>();
  for (const [key, owner] of owners) {
    const campaign = byOwner.get(owner.campaignId);
    if (!campaign) continue;
    live.set(campaign.id, campaign);
    views.set(key, {
      campaignId: campaign.id,
      categories: campaign.categories,
      signature: decodeSignature(owner.signature),
    });
  }
  return { views, live };
}

/**
 * Merges `otherId` into `survivorId`: the survivor as now stored, or undefined when either
 * changed meanwhile (go round again).
 */
async function merge(
  deps: CorrelateDeps,
  survivorId: string,
  otherId: string,
  at: string,
): Promise<Campaign | undefined> {
  const [survivor, other] = await Promise.all([
    deps.store.getCampaign(survivorId),
    deps.store.getCampaign(otherId),
  ]);
  if (!survivor || !other || survivor.mergedInto) return undefined;
  if (other.mergedInto) return survivor; // someone else merged it; the next round resolves it
  const merged = mergeCampaigns(survivor, other, { rosterSize: deps.roster.entries.length }, at);
  const committed = await deps.store.commitMerge(
    merged,
    survivor.version,
    { ...other, mergedInto: survivor.id },
    other.version,
  );
  if (!committed) return undefined;
  rememberMerge(deps.store, other.id, survivor.id);
  return { ...merged, version: survivor.version + 1 };
}

async function incidentOf(deps: CorrelateDeps, f: ReportFeatures) {
  const strong = f.identifiers.filter((i) => STRONG_KINDS.has(i.kind));
  const ids = new Set<string>();
  for (const postings of await Promise.all(
    strong.map((i) => deps.store.postings(i, POSTINGS_PER_IDENTIFIER)),
  )) {
    for (const id of postings) if (id !== f.link.reportId) ids.add(id);
  }
  const earlier = await linksOf(deps.store, [...ids]);
  const repeated = repeatedIncident(
    { ...f.link, signature: f.signature },
    earlier
      .filter((l) => l.verdict !== 'benign')
      .map((l) => ({ ...l, signature: decodeSignature(l.signature) })),
  );
  // The content hash is claimed too, so two copies of one conversation processed at the same
  // moment still agree on one incident.
  const incidentId = await deps.store.claimIncident(conversationKey(f.link), repeated ?? f.link.reportId);
  const related = earlier.filter((l) => l.verdict === 'benign').map((l) => l.reportId);
  return { incidentId, related };
}

/** Each identifier once (a transaction may not claim one twice). */
const uniqueIdentifiers = (ids: readonly Identifier[]) => [
  ...new Map(ids.map((id) => [identifierKey(id), id])).values(),
];

/** The keys a report's join is serialised on within a process: everything it may claim. */

interface Joined {
  campaignId: string;
  reasons: LinkReason[];
  /** The join noted the campaign on the report too (no markReport needed). */
  marked: boolean;
  /** The live campaign as read after the join, when the join read it (see joinTogether()). */
  live?: Campaign;
}

/**
 * Joins the report to its campaign (founding or merging as needed); returns the id of the
 * campaign it joined (resolve it: a concurrent merge may have absorbed it since).
 * `known`: the report's link as read just before (unjoined), saving a read on the first attempt.
 */
async function join(
  deps: CorrelateDeps,
  f: ReportFeatures,
  contribution: Contribution,
  known: ReportLink | undefined,
): Promise<Joined> {
  const claimable = uniqueIdentifiers([...f.identifiers, ...f.bands]);
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const ctx = { rosterSize: deps.roster.entries.length };
  const reportId = f.link.reportId;
  const membership = { reportId, incidentId: contribution.incidentId, receivedAt: contribution.receivedAt };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // Lost a race: let the winner finish before reading again (jitter so two losers part).
    if (attempt > 0) await sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
    const [owners, link] = await Promise.all([
      deps.store.owners(claimable),
      attempt === 0 ? known : deps.store.getLink(reportId),
    ]);
    const { views, live } = await resolveOwners(deps.store, owners);
    const decision = decideLinks({
      identifiers: claimable,
      signature: f.signature,
      category: contribution.category,
      owners: views,
    });
    const own = link?.campaignId ? await resolveCampaign(deps.store, link.campaignId) : undefined;
    if (link?.campaignId && !own) continue; // its campaign is mid-merge: read again
    if (own) live.set(own.id, own);
    const ids = [...new Set([...decision.campaignIds, ...(own ? [own.id] : [])])].sort();

    // What nobody owns yet is claimed for the campaign joined, in the join's own transaction
    // (all or nothing: a lost claim means another campaign got there first, so go round again
    // and the next decision merges it if the identifier is a real link).
    const unowned = claimable.filter((id) => !owners.has(identifierKey(id)));
    const claimsFor = (campaignId: string) =>
      unowned.slice(0, MAX_CLAIMS_PER_JOIN).map((identifier) => ({
        identifier,
        owner: {
          campaignId,
          reportId,
          signature: identifier.kind === 'band' ? f.link.signature : undefined,
        },
      }));
    let claimed = 0;
    let marked = false; // commitJoin notes the campaign on the report too

    let survivorId: string;
    if (ids.length === 0) {
      const founded = addReport(emptyCampaign(deps.newCampaignId(), now), contribution, ctx);
      const claims = claimsFor(founded.id);
      if (!(await deps.store.commitJoin(founded, 0, membership, claims))) continue;
      survivorId = founded.id;
      claimed = claims.length;
      marked = true;
    } else {
      survivorId = ids[0]!;
      // As read in this round (consistent); the version check on the write catches any change.
      let survivor = live.get(survivorId);
      for (const other of ids.slice(1)) {
        survivor = await merge(deps, survivorId, other, now);
        if (!survivor) break;
      }
      if (!survivor || survivor.mergedInto) continue;
      if (!own) {
        const claims = claimsFor(survivorId);
        const next = addReport(survivor, contribution, ctx);
        if (!(await deps.store.commitJoin(next, survivor.version, membership, claims))) continue;
        claimed = claims.length;
        marked = true;
      }
    }

    // Claims the join could not carry (the report was linked already, or very many identifiers).
    const holders = await Promise.all(
      unowned.slice(claimed).map((id) => {
        const signature = id.kind === 'band' ? f.link.signature : undefined;
        return deps.store.claim(id, { campaignId: survivorId, reportId, signature });
      }),
    );
    const lostRace = holders.some((holder) => holder && holder.campaignId !== survivorId);
    if (!lostRace) return { campaignId: survivorId, reasons: decision.reasons, marked };
  }
  throw new Error(`report ${reportId}: campaign still contended after ${MAX_ATTEMPTS} attempts`);
}

export async function correlateReport(
  deps: CorrelateDeps,
  report: Report,
  assessment: Assessment,
): Promise<CorrelationResult> {
  const f = featuresOf(report, assessment, deps.roster, { ignoreDomains: deps.ignoreDomains });
  // Benign reports are posted too (never claimed): a later lure from the same number finds them.
  const existing = await deps.store.createLink(f.link, f.identifiers);
  if (existing && !existing.campaignId) await deps.store.index(report.id, f.identifiers);
  if (!f.isLure) return { duplicate: false, linkedBy: [], alerts: [], followUps: 0 };

  let campaign: Campaign | undefined;
  let incidentId = existing?.incidentId;
  let linkedBy: LinkReason[] = [];
  let marked = false;
  if (existing?.campaignId) campaign = await resolveCampaign(deps.store, existing.campaignId);
  if (!campaign) {
    const incident = await incidentOf(deps, f);
    incidentId = incident.incidentId;
    const contribution = { ...f.contribution, incidentId, relatedReportIds: incident.related };
    const known = existing ?? f.link;
    let first = true;
    const step = () => {
      // A second pass (the campaign joined was mid-merge) reads the link afresh.
      const joining = join(deps, f, contribution, first ? known : undefined);
      first = false;
      return joining;
    };
    for (let attempt = 0; !campaign; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`report ${report.id}: its campaign did not settle`);
      if (attempt > 0) await sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
      const joined = await (deps.joiner && first
        ? deps.joiner(deps, f, contribution, known).finally(() => {
            first = false;
          })
        : step());
      // Read after the join (outside the queue): the live campaign, in case a merge absorbed it.
      campaign = joined.live ?? (await resolveCampaign(deps.store, joined.campaignId));
      linkedBy = joined.reasons;
      // The join noted its campaign on the report; again only if a merge has moved it on since.
      marked = joined.marked && campaign?.id === joined.campaignId;
    }
  }
  if (!marked) await deps.store.markReport(report.id, campaign.id);
  const effects = { ...deps };
  const self = { reportId: report.id, reporterEmail: f.link.reporterEmail };
  const done = await completedEffects(deps.ledger, effectKeys(campaign, deps.thresholds, self));
  const alerts = await announce(effects, campaign, report.id, done);
  const sent = await followUps(effects, campaign, self, done);
  return {
    campaignId: campaign.id,
    incidentId,
    duplicate: incidentId !== undefined && incidentId !== report.id,
    linkedBy,
    alerts,
    followUps: sent,
  };
}

export type Joiner = (
  deps: CorrelateDeps,
  f: ReportFeatures,
  contribution: Contribution,
  known: ReportLink | undefined,
) => Promise<Joined>;

interface JoinRequest {
  deps: CorrelateDeps;
  f: ReportFeatures;
  contribution: Contribution;
  known: ReportLink | undefined;
  resolve: (joined: Joined) => void;
  reject: (error: unknown) => void;
}

/**
 * A process-wide join queue with group commit. One worker takes the reports waiting (up to
 * maxGroup) and decides them in arrival order against one read of their identifiers' owners,
 * each seeing what the ones before it claimed and added, exactly as if they had joined one
 * after the other; the reports joining one campaign are then written in one transaction (the
 * campaign once, each report's link and claims — the same conditional writes as a single join).
 * A report that would merge campaigns, is linked already, or whose transaction lost a race
 * joins on its own with fresh reads (join()). A hot campaign is then written once per group
 * instead of once per report, and its item is read once. Owners already read are remembered:
 * an owner record is written once and never changed, so only identifiers not yet known to be
 * owned are read (consistently) again.
 */
export function joinQueue(options: { maxGroup?: number; rememberOwners?: number } = {}): Joiner {
  const maxGroup = options.maxGroup ?? 40;
  const owners = new OwnerCache(options.rememberOwners ?? 200_000);
  const pending: JoinRequest[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    try {
      while (pending.length > 0) await joinGroup(pending.splice(0, maxGroup), owners);
    } finally {
      running = false;
    }
  };
  return (deps, f, contribution, known) =>
    new Promise<Joined>((resolve, reject) => {
      pending.push({ deps, f, contribution, known, resolve, reject });
      if (!running) void drain();
    });
}

/** Alone, as join() does it; settles the request. */
async function joinAlone(req: JoinRequest): Promise<void> {
  await join(req.deps, req.f, req.contribution, req.known).then(req.resolve, req.reject);
}

/** Identifier owners known to this process (see joinQueue()). */
class OwnerCache {
  private readonly known = new Map<string, IdentifierOwner>();
  constructor(private readonly limit: number) {}

  /** The owners of these identifiers: remembered ones, and a consistent read of the rest. */
  async of(store: CorrelationStore, ids: readonly Identifier[]): Promise<Map<string, IdentifierOwner>> {
    const out = new Map<string, IdentifierOwner>();
    const unknown: Identifier[] = [];
    for (const id of ids) {
      const owner = this.known.get(identifierKey(id));
      if (owner) out.set(identifierKey(id), owner);
      else unknown.push(id);
    }
    if (unknown.length > 0) {
      for (const [key, owner] of await store.owners(unknown)) {
        out.set(key, owner);
        this.remember(key, owner);
      }
    }
    return out;
  }

  remember(key: string, owner: IdentifierOwner) {
    if (this.known.size >= this.limit) this.known.clear();
    this.known.set(key, owner);
  }
}

async function joinGroup(group: JoinRequest[], cache: OwnerCache): Promise<void> {
  let rest = group;
  while (rest.length > 0) {
    let taken: number;
    try {
      taken = await joinTogether(rest, cache);
    } catch (error) {
      for (const req of rest) req.reject(error);
      return;
    }
    rest = rest.slice(taken);
    if (taken === 0) {
      // The first one needs a join of its own (a merge, or it is linked already).
      await joinAlone(rest[0]!);
      rest = rest.slice(1);
    }
  }
}

interface JoinPlan {
  campaign: Campaign;
  expectedVersion: number;
  members: Membership[];
  claims: Array<{ identifier: Identifier; owner: IdentifierOwner }>;
  joined: Array<{ req: JoinRequest; reasons: LinkReason[] }>;
}

/**
 * Decides the longest leading run of `rest` that can join together and commits it; returns how
 * many it took (each settled, alone if its campaign's transaction failed).
 */
async function joinTogether(rest: readonly JoinRequest[], cache: OwnerCache): Promise<number> {
  const store = rest[0]!.deps.store;
  const claimables = rest.map((req) => uniqueIdentifiers([...req.f.identifiers, ...req.f.bands]));
  const owners = await cache.of(store, uniqueIdentifiers(claimables.flat()));
  const ownerIds = [...new Set([...owners.values()].map((o) => o.campaignId))];
  const resolved = await Promise.all(ownerIds.map((id) => resolveCampaign(store, id)));
  const liveOf = new Map(ownerIds.map((id, i) => [id, resolved[i]]));
  const plans = new Map<string, JoinPlan>();
  // Claimed by a report earlier in this group (the campaign it is joining).
  const claimedHere = new Map<string, IdentifierOwner>();
  const reportIds = new Set<string>();
  let taken = 0;
  for (const [i, req] of rest.entries()) {
    const reportId = req.f.link.reportId;
    // Linked already or unknown: join() reads and handles it. A report twice: separately.
    if (!req.known || req.known.campaignId || reportIds.has(reportId)) break;
    const claimable = claimables[i]!;
    const views = new Map<string, OwnerView>();
    const unowned: Identifier[] = [];
    for (const id of claimable) {
      const key = identifierKey(id);
      const here = claimedHere.get(key);
      const owner = owners.get(key) ?? here;
      if (!owner) {
        unowned.push(id);
        continue;
      }
      const liveId = here ? here.campaignId : liveOf.get(owner.campaignId)?.id;
      const campaign = liveId ? (plans.get(liveId)?.campaign ?? liveOf.get(owner.campaignId)) : undefined;
      if (campaign)
        views.set(key, {
          campaignId: campaign.id,
          categories: campaign.categories,
          signature: decodeSignature(owner.signature),
        });
    }
    const decision = decideLinks({
      identifiers: claimable,
      signature: req.f.signature,
      category: req.contribution.category,
      owners: views,
    });
    if (decision.campaignIds.length > 1) break; // a merge: on its own
    const joining = decision.campaignIds[0];
    let plan = joining ? plans.get(joining) : undefined;
    if (!plan) {
      const now = (req.deps.now ?? (() => new Date()))().toISOString();
      const base = joining
        ? [...liveOf.values()].find((c) => c?.id === joining)
        : emptyCampaign(req.deps.newCampaignId(), now);
      if (!base) break;
      plan = {
        campaign: base,
        expectedVersion: joining ? base.version : 0,
        members: [],
        claims: [],
        joined: [],
      };
    }
    if (unowned.length > MAX_CLAIMS_PER_JOIN) break;
    if (plan.claims.length + unowned.length + 1 + 2 * (plan.members.length + 1) > MAX_JOIN_ITEMS) break;
    plan.campaign = addReport(plan.campaign, req.contribution, {
      rosterSize: req.deps.roster.entries.length,
    });
    plan.members.push({
      reportId,
      incidentId: req.contribution.incidentId,
      receivedAt: req.contribution.receivedAt,
    });
    for (const identifier of unowned) {
      const owner = {
        campaignId: plan.campaign.id,
        reportId,
        signature: identifier.kind === 'band' ? req.f.link.signature : undefined,
      };
      plan.claims.push({ identifier, owner });
      claimedHere.set(identifierKey(identifier), owner);
    }
    plan.joined.push({ req, reasons: decision.reasons });
    plans.set(plan.campaign.id, plan);
    reportIds.add(reportId);
    taken++;
  }
  const lost: JoinRequest[] = [];
  await Promise.all(
    [...plans.values()].map(async (plan) => {
      const committed = await store.commitJoin(
        plan.campaign,
        plan.expectedVersion,
        plan.members,
        plan.claims,
      );
      if (!committed) {
        lost.push(...plan.joined.map((j) => j.req));
        return;
      }
      for (const { identifier, owner } of plan.claims) cache.remember(identifierKey(identifier), owner);
      // The live campaign, read once for all who joined it (not waited for here: the next group
      // goes ahead); each reads it itself if this read fails.
      const settle = (live?: Campaign) => {
        for (const { req, reasons } of plan.joined)
          req.resolve({ campaignId: plan.campaign.id, reasons, marked: true, live });
      };
      void resolveCampaign(store, plan.campaign.id).then(settle, () => settle());
    }),
  );
  // Lost a race with another process (or each other): one at a time, with fresh reads.
  for (const req of lost.sort((a, b) => rest.indexOf(a) - rest.indexOf(b))) await joinAlone(req);
  return taken;
}
