/** An unknown number opening the conversation itself: the shape of an unsolicited first contact. */
import type { Rule } from '../rule.ts';

export const coldOpen: Rule = {
  id: 'honeytrap.cold-open',
  category: 'honeytrap',
  kind: 'content',
  reason: 'an unknown contact started the conversation',
  evaluate(view) {
    if (!view.isChat || !view.senderOpened || view.savedAs !== 'unsaved') return undefined;
    return { weight: 0.08, evidence: 'first message from an unsaved number' };
  },
};
