/** Everything correlation reads from a report, worked out once and without I/O. */
import { createHash } from 'node:crypto';
import type { Assessment, Report } from '../domain/report.ts';
import type { Contribution } from './campaign.ts';
import {
  type Identifier,
  type IdentifierOptions,
  identifierKey,
  STRONG_KINDS,
  senderIdentifiers,
} from './identifiers.ts';
import type { Roster } from './roster.ts';
import { bandKeys, encodeSignature, minhash } from './similarity.ts';
import type { ReportLink } from './store.ts';
import { targetsOf } from './targets.ts';

export interface ReportFeatures {
  isLure: boolean;
  /** Sender identifiers: posted for lookups, claimed by a lure's campaign. */
  identifiers: Identifier[];
  /** LSH band keys of the wording, claimed like identifiers. */
  bands: Identifier[];
  signature?: Uint32Array;
  link: ReportLink;
  /** What the report adds to a campaign, but for its incident (decided against storage). */
  contribution: Omit<Contribution, 'incidentId' | 'relatedReportIds'>;
}

export function featuresOf(
  report: Report,
  assessment: Assessment,
  roster: Roster,
  options: IdentifierOptions = {},
): ReportFeatures {
  const identifiers = senderIdentifiers(report, options);
  const signature = minhash(report.text);
  const source = report.source;
  const targets = targetsOf(report, roster);
  return {
    isLure: assessment.verdict !== 'benign',
    identifiers,
    bands: signature ? bandKeys(signature).map((value) => ({ kind: 'band' as const, value })) : [],
    signature,
    link: {
      reportId: report.id,
      receivedAt: report.receivedAt,
      verdict: assessment.verdict,
      contentHash: report.contentHash,
      signature: signature ? encodeSignature(signature) : undefined,
      senderKeys: identifiers.filter((i) => STRONG_KINDS.has(i.kind)).map(identifierKey),
      targetKeys: targets.map((t) => t.key),
      reporterEmail: source.kind === 'email-forward' ? source.reporter : undefined,
    },
    contribution: {
      reportId: report.id,
      receivedAt: report.receivedAt,
      channel: report.channel,
      category: assessment.category,
      verdict: assessment.verdict,
      score: assessment.score,
      tlp: report.tlp,
      reporter:
        source.kind === 'email-forward' ? source.reporter.toLowerCase() : `partner:${source.partnerId}`,
      targets,
      identifiers,
      aliases: report.sender.aliases,
    },
  };
}

/** One conversation: the same content (sender and text) aimed at the same people. */
export function conversationKey(link: Pick<ReportLink, 'contentHash' | 'targetKeys'>): string {
  const targets = createHash('sha256')
    .update(JSON.stringify([...link.targetKeys].sort()))
    .digest('hex')
    .slice(0, 16);
  return `${link.contentHash}#${targets}`;
}
