/**
 * What a rule is. A rule is a small named detector with a fixed id and category; it looks at
 * the shared scoring view and returns a weight in (0, 1] and the short evidence it found.
 * Context rules ("dampeners") return how strongly they discount the kinds they name.
 */
import type { Category } from '../domain/report.ts';
import type { ScoringContext } from './context.ts';
import type { ScoringView } from './view.ts';

/**
 * content: the social engineering in the words (flirting, claimed meetings, urgency);
 * payload: what the lure is after (credentials, codes, restricted papers); threat: extortion;
 * technical: headers, domains, links, attachments; context: discounts other kinds.
 */
export type RuleKind = 'content' | 'payload' | 'threat' | 'technical' | 'context';

export interface RuleHit {
  weight: number;
  evidence: string;
}

export interface Rule {
  id: string;
  /** The lure family the signal points to; undefined for signals shared by all families. */
  category?: Exclude<Category, 'none'>;
  kind: RuleKind;
  /** For context rules: which kinds of signal they discount. */
  dampens?: RuleKind[];
  /** Plain words for alerts: "claims to have met you at a political event or venue". */
  reason: string;
  evaluate(view: ScoringView, ctx: ScoringContext): RuleHit | undefined;
}
