/**
 * A link to a domain that resembles the sender's own but is not it ("hartwell-institute" mail
 * linking to "docs-hartwellinstitute"): the trick of a lookalike of any organisation, ours or not.
 */
import { isFreemail, isProtectedHost, lookalikeOf, registrableDomain } from '../domains.ts';
import type { Rule } from '../rule.ts';

export const linkImitatesSender: Rule = {
  id: 'spearphish.link-imitates-sender',
  category: 'spearphish',
  kind: 'technical',
  reason: "links to a site imitating the sender's own domain",
  evaluate(view, ctx) {
    const own = view.senderDomains
      .filter((d) => !isFreemail(d) && !isProtectedHost(d, ctx.protectedDomains))
      .map(registrableDomain);
    if (own.length === 0) return undefined;
    for (const u of view.urls) {
      const reg = registrableDomain(u.host);
      if (own.includes(reg)) continue;
      const l = lookalikeOf(u.host, own);
      if (l)
        return {
          weight: 0.35,
          evidence: `link to ${u.host} imitates sender domain ${l.imitates} (${l.how})`,
        };
    }
    return undefined;
  },
};
