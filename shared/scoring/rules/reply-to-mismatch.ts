/** Replies would go somewhere other than the sender's domain (often a personal mailbox). */
import { isFreemail, registrableDomain } from '../domains.ts';
import type { Rule } from '../rule.ts';

export const replyToMismatch: Rule = {
  id: 'spearphish.reply-to-mismatch',
  category: 'spearphish',
  kind: 'technical',
  reason: 'replies go to a different address from the sender',
  evaluate(view) {
    if (view.replyToDomains.length === 0 || view.senderDomains.length === 0) return undefined;
    const from = new Set(view.senderDomains.map(registrableDomain));
    const other = view.replyToDomains.find((d) => !from.has(registrableDomain(d)));
    if (!other) return undefined;
    return {
      weight: isFreemail(other) ? 0.35 : 0.25,
      evidence: `From ${view.senderDomains[0]}, Reply-To ${other}`,
    };
  },
};
