/**
 * A risky file named in the words ("Attachment: Casework_Scans.img", "the zip contains
 * letters.img"): a pasted or retyped report whose real attachment we do not have. Weaker than
 * the file itself, and it is words, so a security notice listing such names is discounted.
 */
import type { Rule } from '../rule.ts';
import { classify } from './risky-attachment.ts';

const NAMED = /\b(?:attachments?|attached|contains|enclosed)\s?:?\s([\w ()&,'-]{1,100}\.[a-z0-9]{2,5})\b/g;

export const namedAttachment: Rule = {
  id: 'spearphish.named-attachment',
  category: 'spearphish',
  kind: 'payload',
  reason: 'names a risky attachment',
  evaluate(view) {
    const t = view.text.plain;
    if (!t.includes('attach') && !t.includes('contains') && !t.includes('enclosed')) return undefined;
    let best: [number, string, string] | undefined;
    NAMED.lastIndex = 0;
    let n = 0;
    for (let m = NAMED.exec(t); m && n < 20; m = NAMED.exec(t), n++) {
      const c = classify(m[1]!.trim(), '');
      if (c && (!best || c[0] > best[0])) best = [c[0], c[1], m[1]!.trim()];
    }
    NAMED.lastIndex = 0;
    return best
      ? {
          weight: Math.round(best[0] * 0.8 * 100) / 100,
          evidence: `${best[1]} named: ${best[2].slice(0, 80)}`,
        }
      : undefined;
  },
};
