/** Photos sent by the other party. Weak alone (people share photos), strong next to the other signals. */
import type { Rule } from '../rule.ts';

export const unsolicitedImage: Rule = {
  id: 'honeytrap.unsolicited-image',
  category: 'honeytrap',
  kind: 'content',
  reason: 'sent a photo',
  evaluate(view) {
    if (view.images === 0) return undefined;
    const evidence = `${view.images} image${view.images > 1 ? 's' : ''} from the sender`;
    // In chats a photo from an unsaved contact is the lure's move; in mail, photos after events are routine.
    return { weight: view.isChat || view.channel !== 'email' ? 0.14 : 0.05, evidence };
  },
};
