/**
 * A sender, reply-to or link domain imitating one of ours: homoglyphs and IDN, typos, our name
 * with extra words ("parliament-uk.example", "parl-m365-verify.test").
 */
import { lookalikeOf } from '../domains.ts';
import type { Rule } from '../rule.ts';
import { serviceImitation } from '../service-brands.ts';

export const lookalikeDomain: Rule = {
  id: 'spearphish.lookalike-domain',
  category: 'spearphish',
  kind: 'technical',
  reason: 'uses a domain made to look like ours',
  evaluate(view, ctx) {
    const senders = [
      ...view.senderDomains,
      ...view.replyToDomains,
      ...(view.returnPathDomain ? [view.returnPathDomain] : []),
    ];
    for (const host of senders) {
      const l = lookalikeOf(host, ctx.protectedDomains, ctx.brandTokens);
      if (l) return { weight: 0.6, evidence: `sender domain ${host} imitates ${l.imitates} (${l.how})` };
    }
    for (const u of view.urls) {
      const l = lookalikeOf(u.host, ctx.protectedDomains, ctx.brandTokens);
      if (l) return { weight: 0.5, evidence: `link to ${u.host} imitates ${l.imitates} (${l.how})` };
    }
    // Third-party services whose notices are copied (DocuSign, SharePoint, IPSA…). A public
    // body's short name as a label ("ncsc-gov.uk") counts only in a link, and weighs less
    // (it needs a second signal): genuine bodies and their partners write from such domains.
    // A service's notice copied to phish carries its payload, a link or a file; a sender
    // domain that only names the service and sends the reader "to the usual portal" is more
    // likely the service's own less familiar domain.
    const links = new Set(view.urls.map((u) => u.host));
    const payload = links.size > 0 || view.attachments.length > 0;
    let label: { host: string; service: string } | undefined;
    for (const host of [...(payload ? senders : []), ...links]) {
      const imitation = serviceImitation(host);
      if (imitation?.by === 'name')
        return { weight: 0.45, evidence: `${host} imitates ${imitation.service}` };
      if (imitation && links.has(host)) label ??= { host, service: imitation.service };
    }
    return label
      ? { weight: 0.3, evidence: `${label.host} looks like ${label.service} but is not its domain` }
      : undefined;
  },
};
