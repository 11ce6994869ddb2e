/** A link whose visible text names one site (or one of ours) while it goes somewhere else. */
import { hostOf, isProtectedHost, registrableDomain } from '../domains.ts';
import { skeleton } from '../normalise.ts';
import type { Rule } from '../rule.ts';

const LOOKS_LIKE_URL = /^\s*(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/:?#]\S*)?\s*$/i;

export const linkTextMismatch: Rule = {
  id: 'spearphish.link-text-mismatch',
  category: 'spearphish',
  kind: 'technical',
  reason: 'a link shows one address but goes to another',
  evaluate(view, ctx) {
    for (const u of view.urls) {
      if (!u.text) continue;
      const shown = skeleton(u.text).trim();
      if (LOOKS_LIKE_URL.test(shown)) {
        const shownHost = hostOf(shown);
        if (shownHost && registrableDomain(shownHost) !== registrableDomain(u.host)) {
          return { weight: 0.45, evidence: `shows ${shownHost} but goes to ${u.host}` };
        }
        continue;
      }
      const namesOurs =
        ctx.protectedDomains.some((d) => shown.includes(d)) ||
        ctx.brandTokens.some((b) => b.length >= 5 && shown.includes(b));
      if (namesOurs && !isProtectedHost(u.host, ctx.protectedDomains)) {
        return { weight: 0.4, evidence: `link text "${shown.slice(0, 60)}" goes to ${u.host}` };
      }
    }
    return undefined;
  },
};
