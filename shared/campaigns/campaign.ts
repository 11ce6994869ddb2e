/**
 * The campaign record and the pure operations on it: a report joins, two campaigns merge. The
 * repository stores what these return under optimistic versioning; nothing here does I/O.
 */
import * as z from 'zod';
import type { Severity } from '../alerts/report-alert.ts';
import {
  CATEGORIES,
  type Category,
  CHANNELS,
  type Channel,
  TLP_LEVELS,
  type Tlp,
  type Verdict,
} from '../domain/report.ts';
import { type Identifier, identifierKey, normaliseAlias } from './identifiers.ts';
import { ROLES } from './roster.ts';
import { campaignSeverity } from './severity.ts';
import type { CampaignTarget } from './targets.ts';

/** Bounded lists on the item (DynamoDB's 400 KB): these are for display, counts stay exact. */
export const MAX_REPORTERS = 200;
export const MAX_RELATED = 50;

const CampaignTargetSchema = z.object({
  key: z.string(),
  label: z.string(),
  role: z.enum(ROLES).optional(),
  party: z.string().optional(),
});

export const CampaignSchema = z.object({
  id: z.string(),
  version: z.number().int().nonnegative(),
  createdAt: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  reportCount: z.number().int().nonnegative(),
  /** One per conversation: the same lure reported by the MP and by a staffer is one incident. */
  incidentIds: z.array(z.string()),
  incidentCount: z.number().int().nonnegative(),
  targets: z.array(CampaignTargetSchema),
  targetCount: z.number().int().nonnegative(),
  /** Targets found on the roster, and their share of it (null with an empty roster). */
  rosterTargetCount: z.number().int().nonnegative(),
  targetedPercent: z.number().nullable(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  aliases: z.array(z.string()),
  images: z.array(z.string()),
  domains: z.array(z.string()),
  channels: z.partialRecord(z.enum(CHANNELS), z.number()),
  categories: z.array(z.enum(CATEGORIES)),
  reporters: z.array(z.string()),
  maxScore: z.number(),
  malicious: z.boolean(),
  tlp: z.enum(TLP_LEVELS),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  /** Two or more distinct targets or incidents: from then on it is announced as a campaign. */
  formed: z.boolean(),
  formedAt: z.string().optional(),
  /** Identifier keys known when it formed; any later one is announced as new. */
  baseline: z.array(z.string()),
  mergedInto: z.string().optional(),
  /** Every campaign merged into this one, directly or not (their reports stay under their id). */
  mergedFrom: z.array(z.string()),
  /** Earlier benign-scored reports sharing a strong identifier: for an officer to look at again. */
  relatedReportIds: z.array(z.string()),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** What one lure report brings to a campaign. */
export interface Contribution {
  reportId: string;
  receivedAt: string;
  channel: Channel;
  category: Category;
  verdict: Verdict;
  score: number;
  tlp: Tlp;
  /** Reporter's address, or `partner:<id>`. */
  reporter: string;
  incidentId: string;
  targets: CampaignTarget[];
  /** Sender identifiers (bands excluded). */
  identifiers: Identifier[];
  /** The aliases as written, for display. */
  aliases: string[];
  relatedReportIds: string[];
}

export interface CampaignContext {
  rosterSize: number;
}

export function emptyCampaign(id: string, createdAt: string): Campaign {
  return {
    id,
    version: 0,
    createdAt,
    firstSeen: createdAt,
    lastSeen: createdAt,
    reportCount: 0,
    incidentIds: [],
    incidentCount: 0,
    targets: [],
    targetCount: 0,
    rosterTargetCount: 0,
    targetedPercent: null,
    phones: [],
    emails: [],
    aliases: [],
    images: [],
    domains: [],
    channels: {},
    categories: [],
    reporters: [],
    maxScore: 0,
    malicious: false,
    tlp: 'CLEAR',
    severity: 'low',
    formed: false,
    baseline: [],
    mergedFrom: [],
    relatedReportIds: [],
  };
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const earliest = (a: string, b: string) => (a < b ? a : b);
const latest = (a: string, b: string) => (a > b ? a : b);
const stricterTlp = (a: Tlp, b: Tlp): Tlp => (TLP_LEVELS.indexOf(a) >= TLP_LEVELS.indexOf(b) ? a : b);

function unionTargets(a: readonly CampaignTarget[], b: readonly CampaignTarget[]): CampaignTarget[] {
  const out = new Map(a.map((t) => [t.key, t]));
  for (const t of b) if (!out.has(t.key)) out.set(t.key, t);
  return [...out.values()];
}

function unionAliases(a: readonly string[], b: readonly string[]): string[] {
  const out = new Map(a.map((x) => [normaliseAlias(x), x]));
  for (const x of b) if (!out.has(normaliseAlias(x))) out.set(normaliseAlias(x), x);
  return [...out.values()];
}

/** The identifiers an officer is told about (numbers, addresses, aliases), as keys. */
export function announcedIdentifiers(c: Pick<Campaign, 'phones' | 'emails' | 'aliases'>): string[] {
  return [
    ...c.phones.map((v) => identifierKey({ kind: 'phone', value: v })),
    ...c.emails.map((v) => identifierKey({ kind: 'email', value: v })),
    ...c.aliases.map((v) => identifierKey({ kind: 'alias', value: normaliseAlias(v) })),
  ];
}

export const isFormed = (c: Pick<Campaign, 'incidentCount' | 'targetCount'>) =>
  c.incidentCount >= 2 || c.targetCount >= 2;

/** Recomputes the derived fields; the moment it first forms, records the baseline. */
function settle(c: Campaign, ctx: CampaignContext, at: string): Campaign {
  const rosterTargetCount = c.targets.filter((t) => t.key.startsWith('roster:')).length;
  const next: Campaign = {
    ...c,
    incidentCount: c.incidentIds.length,
    targetCount: c.targets.length,
    rosterTargetCount,
    targetedPercent: ctx.rosterSize > 0 ? Math.round((1000 * rosterTargetCount) / ctx.rosterSize) / 10 : null,
    reporters: c.reporters.slice(0, MAX_REPORTERS),
    relatedReportIds: c.relatedReportIds.slice(0, MAX_RELATED),
  };
  next.severity = campaignSeverity({ targets: next.targets, malicious: next.malicious });
  if (!next.formed && isFormed(next)) {
    next.formed = true;
    next.formedAt = at;
    next.baseline = announcedIdentifiers(next);
  }
  return next;
}

const byKind = (ids: readonly Identifier[], kind: Identifier['kind']) =>
  ids.filter((i) => i.kind === kind).map((i) => i.value);

/**
 * A report joins. A duplicate (its incident already counted) adds a reporter and a report but
 * no target: the same conversation reported twice reached one person.
 */
export function addReport(c: Campaign, r: Contribution, ctx: CampaignContext): Campaign {
  const first = c.reportCount === 0;
  const duplicate = c.incidentIds.includes(r.incidentId);
  return settle(
    {
      ...c,
      firstSeen: first ? r.receivedAt : earliest(c.firstSeen, r.receivedAt),
      lastSeen: first ? r.receivedAt : latest(c.lastSeen, r.receivedAt),
      reportCount: c.reportCount + 1,
      incidentIds: duplicate ? c.incidentIds : [...c.incidentIds, r.incidentId],
      targets: duplicate ? c.targets : unionTargets(c.targets, r.targets),
      phones: union(c.phones, byKind(r.identifiers, 'phone')),
      emails: union(c.emails, byKind(r.identifiers, 'email')),
      aliases: unionAliases(c.aliases, r.aliases),
      images: union(c.images, byKind(r.identifiers, 'image')),
      domains: union(c.domains, byKind(r.identifiers, 'domain')),
      channels: { ...c.channels, [r.channel]: (c.channels[r.channel] ?? 0) + 1 },
      categories: r.category === 'none' ? c.categories : (union(c.categories, [r.category]) as Category[]),
      reporters: union(c.reporters, [r.reporter]),
      maxScore: Math.max(c.maxScore, r.score),
      malicious: c.malicious || r.verdict === 'malicious',
      tlp: first ? r.tlp : stricterTlp(c.tlp, r.tlp),
      relatedReportIds: union(c.relatedReportIds, r.relatedReportIds),
    },
    ctx,
    r.receivedAt,
  );
}

/** The survivor absorbs the other: every target, identifier and incident, counted once. */
export function mergeCampaigns(
  survivor: Campaign,
  absorbed: Campaign,
  ctx: CampaignContext,
  at: string,
): Campaign {
  const channels = { ...survivor.channels };
  for (const [k, v] of Object.entries(absorbed.channels) as Array<[Channel, number]>)
    channels[k] = (channels[k] ?? 0) + v;
  const empty = survivor.reportCount === 0;
  return settle(
    {
      ...survivor,
      firstSeen: empty ? absorbed.firstSeen : earliest(survivor.firstSeen, absorbed.firstSeen),
      lastSeen: empty ? absorbed.lastSeen : latest(survivor.lastSeen, absorbed.lastSeen),
      reportCount: survivor.reportCount + absorbed.reportCount,
      incidentIds: union(survivor.incidentIds, absorbed.incidentIds),
      targets: unionTargets(survivor.targets, absorbed.targets),
      phones: union(survivor.phones, absorbed.phones),
      emails: union(survivor.emails, absorbed.emails),
      aliases: unionAliases(survivor.aliases, absorbed.aliases),
      images: union(survivor.images, absorbed.images),
      domains: union(survivor.domains, absorbed.domains),
      channels,
      categories: union(survivor.categories, absorbed.categories) as Category[],
      reporters: union(survivor.reporters, absorbed.reporters),
      maxScore: Math.max(survivor.maxScore, absorbed.maxScore),
      malicious: survivor.malicious || absorbed.malicious,
      tlp: empty ? absorbed.tlp : stricterTlp(survivor.tlp, absorbed.tlp),
      mergedFrom: union(survivor.mergedFrom, [absorbed.id, ...absorbed.mergedFrom]),
      relatedReportIds: union(survivor.relatedReportIds, absorbed.relatedReportIds),
    },
    ctx,
    at,
  );
}

/** The channel most of its reports came by, for the alert's filterable attribute. */
export function mainChannel(c: Pick<Campaign, 'channels'>): Channel {
  const entries = Object.entries(c.channels) as Array<[Channel, number]>;
  return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'other';
}

export type { Severity };
