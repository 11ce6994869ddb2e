/**
 * What correlation needs from storage, beyond the read side every reader has. Identifier claims
 * are conditional writes (first claimer owns), campaign writes are optimistic (expected version),
 * and joining a report to a campaign writes the campaign and the report's link together.
 */
import type { CampaignRepository } from '../domain/ports.ts';
import type { Verdict } from '../domain/report.ts';
import type { Campaign } from './campaign.ts';
import type { Identifier } from './identifiers.ts';

/** Items one join may write together (a DynamoDB transaction holds 100). */
export const MAX_JOIN_ITEMS = 100;
/** Claims a single report's join carries in its transaction. */
export const MAX_CLAIMS_PER_JOIN = 90;

/** A report joining a campaign: the link records its incident and lists it under the campaign. */
export interface Membership {
  reportId: string;
  incidentId: string;
  receivedAt: string;
}

/** Correlation's own record of a report: its features and where it went. */
export interface ReportLink {
  reportId: string;
  receivedAt: string;
  verdict: Verdict;
  contentHash: string;
  /** The MinHash signature, base64; absent for texts too short to compare. */
  signature?: string;
  /** Strong sender identifier keys (`phone#+44…`), for telling a repeat from a new incident. */
  senderKeys: string[];
  /** Target keys (see targets.ts): a repeat must be aimed at the same person. */
  targetKeys: string[];
  /** The address to follow up with, for a forwarded report. */
  reporterEmail?: string;
  incidentId?: string;
  campaignId?: string;
}

/** Who owns an identifier: the campaign of the first lure that claimed it. */
export interface IdentifierOwner {
  campaignId: string;
  reportId: string;
  /** For band keys: the claiming report's signature, to confirm a wording match. */
  signature?: string;
}

export interface CorrelationStore extends CampaignRepository {
  getLink(reportId: string): Promise<ReportLink | undefined>;
  links(reportIds: readonly string[]): Promise<ReportLink[]>;
  /** Stores the features; never clears a campaign or incident already recorded. */
  saveLink(link: ReportLink): Promise<void>;
  /**
   * The first sight of a report: stores its link and posts it under its identifiers (as index()),
   * in one write, unless a link is stored already — then writes nothing and returns that link
   * (as getLink() would have).
   */
  createLink(link: ReportLink, identifiers: readonly Identifier[]): Promise<ReportLink | undefined>;
  /** Posts the report under each sender identifier, for lookups and later links. */
  index(reportId: string, identifiers: readonly Identifier[]): Promise<void>;
  /** The newest report ids posted under an identifier. */
  postings(identifier: Identifier, limit: number): Promise<string[]>;
  owners(identifiers: readonly Identifier[]): Promise<Map<string, IdentifierOwner>>;
  /** Claims an unowned identifier; returns undefined when claimed, else the current owner. */
  claim(identifier: Identifier, owner: IdentifierOwner): Promise<IdentifierOwner | undefined>;
  /**
   * The incident that holds this conversation (content hash and targets, see incidentClaimKey):
   * the given one if first, else the one that got there first.
   */
  claimIncident(conversation: string, incidentId: string): Promise<string>;
  /** A consistent read of the campaign record. */
  getCampaign(id: string): Promise<Campaign | undefined>;
  /**
   * Writes `next` (version expectedVersion + 1; 0 creates it) and links the report (or each of
   * several reports) to it, and claims each of `claims` for it — all or nothing; false when the
   * campaign changed or merged meanwhile, a report is already linked, or one of the identifiers
   * was claimed meanwhile. Notes the campaign on each report itself as well (as markReport, in
   * the same write), if the report is stored. At most MAX_JOIN_ITEMS items: claims + 1 + 2 a report.
   */
  commitJoin(
    next: Campaign,
    expectedVersion: number,
    links: Membership | readonly Membership[],
    claims?: ReadonlyArray<{ identifier: Identifier; owner: IdentifierOwner }>,
  ): Promise<boolean>;
  /** Writes the survivor and the absorbed record (with mergedInto) together; false on conflict. */
  commitMerge(
    survivor: Campaign,
    survivorVersion: number,
    absorbed: Campaign,
    absorbedVersion: number,
  ): Promise<boolean>;
  /** Notes the campaign on the report itself, for readers of the report. */
  markReport(reportId: string, campaignId: string): Promise<void>;
}
