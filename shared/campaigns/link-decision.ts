/**
 * Which campaigns a new lure belongs to, from who already owns its identifiers. Pure: the use
 * case looks the owners up and acts on the answer (join one, merge several, or found a new one).
 */
import type { Category } from '../domain/report.ts';
import { type Identifier, identifierKey, STRONG_KINDS } from './identifiers.ts';
import { estimateJaccard, NEAR_DUPLICATE, SAME_SCRIPT } from './similarity.ts';

export interface OwnerView {
  /** The live campaign that owns the identifier (merges already followed). */
  campaignId: string;
  categories: readonly Category[];
  /** For band keys: the signature of the report that claimed the band, to confirm the match. */
  signature?: Uint32Array;
}

export interface LinkReason {
  campaignId: string;
  via: string;
}

export interface LinkDecision {
  /** Oldest first: the first survives a merge. */
  campaignIds: string[];
  reasons: LinkReason[];
}

export interface LinkInput {
  identifiers: readonly Identifier[];
  signature?: Uint32Array;
  category: Category;
  owners: ReadonlyMap<string, OwnerView>;
}

/** A band collision counts only when the signatures agree: LSH finds candidates, not matches. */
export function sameScript(a: Uint32Array | undefined, b: Uint32Array | undefined): boolean {
  return a !== undefined && b !== undefined && estimateJaccard(a, b) >= SAME_SCRIPT;
}

const compatible = (owner: OwnerView, category: Category) =>
  category === 'none' || owner.categories.length === 0 || owner.categories.includes(category);

export function decideLinks({ identifiers, signature, category, owners }: LinkInput): LinkDecision {
  const reasons: LinkReason[] = [];
  const aliasOwners: Array<[Identifier, OwnerView]> = [];
  for (const id of identifiers) {
    const owner = owners.get(identifierKey(id));
    if (!owner) continue;
    if (STRONG_KINDS.has(id.kind))
      reasons.push({ campaignId: owner.campaignId, via: `${id.kind} ${id.value}` });
    else if (id.kind === 'band' && sameScript(signature, owner.signature)) {
      reasons.push({ campaignId: owner.campaignId, via: 'near-identical wording' });
    } else if (id.kind === 'alias') aliasOwners.push([id, owner]);
  }
  // An alias is weak: it links only when something else already links this report, and only to
  // a campaign of the same kind of lure (a genuine "Abi" inviting an MP to a visit is not one).
  if (reasons.length > 0) {
    for (const [id, owner] of aliasOwners) {
      if (compatible(owner, category))
        reasons.push({ campaignId: owner.campaignId, via: `alias ${id.value}` });
    }
  }
  const unique = new Map<string, LinkReason>();
  for (const r of reasons)
    if (!unique.has(`${r.campaignId}|${r.via}`)) unique.set(`${r.campaignId}|${r.via}`, r);
  return {
    campaignIds: [...new Set(reasons.map((r) => r.campaignId))].sort(),
    reasons: [...unique.values()],
  };
}

/** What the use case knows of an earlier report when deciding whether this one repeats it. */
export interface IncidentCandidate {
  reportId: string;
  incidentId?: string;
  contentHash: string;
  signature?: Uint32Array;
  senderKeys: readonly string[];
  targetKeys: readonly string[];
}

/** Aimed at the same person, as far as both reports say: one without targets fits any. */
const sameTargets = (a: readonly string[], b: readonly string[]) =>
  a.length === 0 || b.length === 0 || a.some((k) => b.includes(k));

/**
 * The same conversation reported twice — by the MP and by a staffer, by mail and by a partner —
 * is one incident: the same content hash, or near-identical text from the same sender, aimed at
 * the same person (one script sent word for word to two MPs is two incidents).
 * Returns the earliest incident it repeats, or undefined for a new incident.
 */
export function repeatedIncident(
  self: Omit<IncidentCandidate, 'reportId' | 'incidentId'>,
  candidates: readonly IncidentCandidate[],
): string | undefined {
  const strong = new Set(self.senderKeys);
  const matches = candidates.filter(
    (c) =>
      c.incidentId !== undefined &&
      sameTargets(self.targetKeys, c.targetKeys) &&
      (c.contentHash === self.contentHash ||
        (self.signature !== undefined &&
          c.signature !== undefined &&
          estimateJaccard(self.signature, c.signature) >= NEAR_DUPLICATE &&
          c.senderKeys.some((k) => strong.has(k)))),
  );
  return matches.map((c) => c.incidentId!).sort()[0];
}
