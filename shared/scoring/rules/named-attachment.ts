/**
 * A risky file named in the words ("Attachment: Casework_Scans.img", "the zip contains
 * letters.img"): a pasted or retyped report whose real attachment we do not have. Weaker than
 * the file itself, and it is words, so a security notice listing such names is discounted.
 */
import type { Rule } from '../rule.ts';
import { classify } from './risky-attachment.ts';

const NAMED =
  /\b(?:attachments?|attached|contains|enclosed|open(?: the file)?)\s?:?\s([\w()&,'-][\w ()&,'-]{0,99}\.[a-z0-9]{2,5})\b/g;
/** Talking the reader past Office's and Windows' warnings is what a malicious document needs. */
const PAST_WARNINGS =
  /\benable (?:content|editing|macros)\b|\ballow it to run\b|\b(?:the )?password (?:is|for (?:it|the (?:zip|file|archive)) is)\s?\w+/;

export const namedAttachment: Rule = {
  id: 'spearphish.named-attachment',
  category: 'spearphish',
  kind: 'payload',
  reason: 'names a risky attachment',
  evaluate(view) {
    const t = view.text.plain;
    if (!t.includes('attach') && !t.includes('contains') && !t.includes('enclosed') && !t.includes('open '))
      return undefined;
    let best: [number, string, string] | undefined;
    NAMED.lastIndex = 0;
    let n = 0;
    for (let m = NAMED.exec(t); m && n < 20; m = NAMED.exec(t), n++) {
      const c = classify(m[1]!.trim(), '');
      if (c && (!best || c[0] > best[0])) best = [c[0], c[1], m[1]!.trim()];
    }
    NAMED.lastIndex = 0;
    const coached = PAST_WARNINGS.exec(t);
    if (best && coached)
      return { weight: 0.5, evidence: `${best[1]} named: ${best[2].slice(0, 60)}, with "${coached[0]}"` };
    return best
      ? {
          weight: Math.round(best[0] * 0.8 * 100) / 100,
          evidence: `${best[1]} named: ${best[2].slice(0, 80)}`,
        }
      : undefined;
  },
};
