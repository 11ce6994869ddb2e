/**
 * Context: an organisation writing from its own domain (authenticated, or linking only to its
 * own site), or a contact the target saved with their organisation. Meeting at a reception and
 * following up is what such people do; lookalike and credential signals are not discounted.
 */
import { isFreemail, isProtectedHost, lookalikeOf, registrableDomain } from '../domains.ts';
import type { Rule } from '../rule.ts';
import { serviceImitated } from '../service-brands.ts';

export const professionalContact: Rule = {
  id: 'context.professional-contact',
  kind: 'context',
  dampens: ['content'],
  reason: 'an organisation writing from its own domain',
  evaluate(view, ctx) {
    if (view.savedAs === 'professional')
      return { weight: 0.4, evidence: 'contact saved with their organisation' };
    const own = view.senderDomains.filter(
      (d) =>
        !isFreemail(d) &&
        !isProtectedHost(d, ctx.protectedDomains) &&
        !lookalikeOf(d, ctx.protectedDomains, ctx.brandTokens) &&
        !serviceImitated(d),
    );
    if (own.length === 0 || own.length !== view.senderDomains.length) return undefined;
    const regs = new Set(own.map(registrableDomain));
    const auth = view.auth;
    const aligned = auth?.dmarc === 'pass' || auth?.dkim === 'pass';
    const ownLinks = view.urls.length > 0 && view.urls.every((u) => regs.has(registrableDomain(u.host)));
    if (!aligned && !ownLinks) return undefined;
    return {
      weight: 0.45,
      evidence: `${own[0]} ${aligned ? 'authenticated' : 'links only to its own site'}`,
    };
  },
};
