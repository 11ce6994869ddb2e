/**
 * The correlation use case, run by score-stream after scoring: index the report's identifiers,
 * and if it is a lure, join it to the campaign its identifiers or wording lead to — founding one,
 * or merging the several it links — then announce what changed and follow up with reporters.
 *
 * Safe under redelivery (the report's link records where it went; effects are ledger-keyed) and
 * under concurrency: identifiers are claimed with conditional writes (first lure owns them; a
 * later claimer reads the owner and merges), campaign writes are version-checked, and any
 * conflict sends the loop round again with fresh reads.
 */
import type { EffectLedger, Mailer, Notifier } from '../domain/ports.ts';
import type { Assessment, Report } from '../domain/report.ts';
import { addReport, type Campaign, type Contribution, emptyCampaign, mergeCampaigns } from './campaign.ts';
import { announce, followUps } from './effects.ts';
import { conversationKey, featuresOf, type ReportFeatures } from './features.ts';
import { type Identifier, identifierKey, STRONG_KINDS } from './identifiers.ts';
import { decideLinks, type LinkReason, type OwnerView, repeatedIncident } from './link-decision.ts';
import type { Roster } from './roster.ts';
import { decodeSignature } from './similarity.ts';
import type { CorrelationStore, IdentifierOwner } from './store.ts';

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
   * Runs the join step exclusively within this process (see serialiser()): the records of one
   * batch then queue instead of racing for the same campaign item. Correctness never depends
   * on it — other instances still race, and the conditional writes settle that.
   */
  exclusive?: <T>(step: () => Promise<T>) => Promise<T>;
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

/** The live campaign an id leads to, following mergedInto. */
export async function resolveCampaign(store: CorrelationStore, id: string): Promise<Campaign | undefined> {
  let campaign = await store.getCampaign(id);
  for (let hop = 0; campaign?.mergedInto && hop < MAX_MERGE_HOPS; hop++)
    campaign = await store.getCampaign(campaign.mergedInto);
  return campaign?.mergedInto ? undefined : campaign;
}

async function resolveOwners(store: CorrelationStore, owners: Map<string, IdentifierOwner>) {
  const ids = [...new Set([...owners.values()].map((o) => o.campaignId))];
  const resolved = await Promise.all(ids.map((id) => resolveCampaign(store, id)));
  const live = new Map(ids.map((id, i) => [id, resolved[i]]));
  const views = new Map<string, OwnerView>();
  for (const [key, owner] of owners) {
    const campaign = live.get(owner.campaignId);
    if (campaign)
      views.set(key, {
        campaignId: campaign.id,
        categories: campaign.categories,
        signature: decodeSignature(owner.signature),
      });
  }
  return views;
}

/** Merges `otherId` into `survivorId`; false when either changed meanwhile (go round again). */
async function merge(deps: CorrelateDeps, survivorId: string, otherId: string, at: string): Promise<boolean> {
  const [survivor, other] = await Promise.all([
    deps.store.getCampaign(survivorId),
    deps.store.getCampaign(otherId),
  ]);
  if (!survivor || !other || survivor.mergedInto) return false;
  if (other.mergedInto) return true; // someone else merged it; the next round resolves it
  const merged = mergeCampaigns(survivor, other, { rosterSize: deps.roster.entries.length }, at);
  return deps.store.commitMerge(
    merged,
    survivor.version,
    { ...other, mergedInto: survivor.id },
    other.version,
  );
}

async function incidentOf(deps: CorrelateDeps, f: ReportFeatures) {
  const strong = f.identifiers.filter((i) => STRONG_KINDS.has(i.kind));
  const ids = new Set<string>();
  for (const postings of await Promise.all(
    strong.map((i) => deps.store.postings(i, POSTINGS_PER_IDENTIFIER)),
  )) {
    for (const id of postings) if (id !== f.link.reportId) ids.add(id);
  }
  const earlier = await deps.store.links([...ids]);
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

/** Joins the report to its campaign (founding or merging as needed); returns the live campaign. */
async function join(deps: CorrelateDeps, f: ReportFeatures, contribution: Contribution) {
  const claimable: Identifier[] = [...f.identifiers, ...f.bands];
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const ctx = { rosterSize: deps.roster.entries.length };
  const reportId = f.link.reportId;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // Lost a race: let the winner finish before reading again (jitter so two losers part).
    if (attempt > 0) await sleep(Math.random() * Math.min(200, 10 * 2 ** attempt));
    const [owners, link] = await Promise.all([deps.store.owners(claimable), deps.store.getLink(reportId)]);
    const views = await resolveOwners(deps.store, owners);
    const decision = decideLinks({
      identifiers: claimable,
      signature: f.signature,
      category: contribution.category,
      owners: views,
    });
    const own = link?.campaignId ? await resolveCampaign(deps.store, link.campaignId) : undefined;
    if (link?.campaignId && !own) continue; // its campaign is mid-merge: read again
    const ids = [...new Set([...decision.campaignIds, ...(own ? [own.id] : [])])].sort();

    let survivorId: string;
    if (ids.length === 0) {
      const founded = addReport(emptyCampaign(deps.newCampaignId(), now), contribution, ctx);
      if (
        !(await deps.store.commitJoin(founded, 0, {
          reportId,
          incidentId: contribution.incidentId,
          receivedAt: contribution.receivedAt,
        }))
      )
        continue;
      survivorId = founded.id;
    } else {
      survivorId = ids[0]!;
      let merged = true;
      for (const other of ids.slice(1)) {
        merged = await merge(deps, survivorId, other, now);
        if (!merged) break;
      }
      if (!merged) continue;
      if (!own) {
        const survivor = await deps.store.getCampaign(survivorId);
        if (!survivor || survivor.mergedInto) continue;
        const next = addReport(survivor, contribution, ctx);
        if (
          !(await deps.store.commitJoin(next, survivor.version, {
            reportId,
            incidentId: contribution.incidentId,
            receivedAt: contribution.receivedAt,
          }))
        )
          continue;
      }
    }

    // Claim what nobody owns yet. A lost race means another campaign got there first: go round
    // again, and the next decision merges it if the identifier is a real link.
    const holders = await Promise.all(
      claimable
        .filter((id) => !owners.has(identifierKey(id)))
        .map((id) => {
          const signature = id.kind === 'band' ? f.link.signature : undefined;
          return deps.store.claim(id, { campaignId: survivorId, reportId, signature });
        }),
    );
    const lostRace = holders.some((holder) => holder && holder.campaignId !== survivorId);
    if (!lostRace) {
      const live = await resolveCampaign(deps.store, survivorId);
      if (live) return { campaign: live, reasons: decision.reasons };
    }
  }
  throw new Error(`report ${reportId}: campaign still contended after ${MAX_ATTEMPTS} attempts`);
}

export async function correlateReport(
  deps: CorrelateDeps,
  report: Report,
  assessment: Assessment,
): Promise<CorrelationResult> {
  const f = featuresOf(report, assessment, deps.roster, { ignoreDomains: deps.ignoreDomains });
  const existing = await deps.store.getLink(report.id);
  // Benign reports are posted too (never claimed): a later lure from the same number finds them.
  await Promise.all([
    existing ? undefined : deps.store.saveLink(f.link),
    existing?.campaignId ? undefined : deps.store.index(report.id, f.identifiers),
  ]);
  if (!f.isLure) return { duplicate: false, linkedBy: [], alerts: [], followUps: 0 };

  let campaign: Campaign | undefined;
  let incidentId = existing?.incidentId;
  let linkedBy: LinkReason[] = [];
  if (existing?.campaignId) campaign = await resolveCampaign(deps.store, existing.campaignId);
  if (!campaign) {
    const incident = await incidentOf(deps, f);
    incidentId = incident.incidentId;
    const contribution = { ...f.contribution, incidentId, relatedReportIds: incident.related };
    const step = () => join(deps, f, contribution);
    const joined = await (deps.exclusive ? deps.exclusive(step) : step());
    campaign = joined.campaign;
    linkedBy = joined.reasons;
  }
  await deps.store.markReport(report.id, campaign.id);
  const effects = { ...deps };
  const alerts = await announce(effects, campaign, report.id);
  const sent = await followUps(effects, campaign, {
    reportId: report.id,
    reporterEmail: f.link.reporterEmail,
  });
  return {
    campaignId: campaign.id,
    incidentId,
    duplicate: incidentId !== undefined && incidentId !== report.id,
    linkedBy,
    alerts,
    followUps: sent,
  };
}

/** A process-wide queue: each step starts when the one before it has settled. */
export function serialiser(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>) => {
    const run = tail.then(step, step);
    tail = run.catch(() => undefined);
    return run;
  };
}
