/**
 * A display name (or SMS sender id) copying one of our people or services from outside our
 * domains: "Parliamentary Digital Servlce <alerts@pds-help.example>", "ParlDigital".
 */
import { boundedEditDistance, isProtectedHost, memo } from '../domains.ts';
import { skeleton } from '../normalise.ts';
import type { Rule } from '../rule.ts';

const SERVICE_WORDS =
  /\b(?:digital|it|service ?desk|helpdesk|help desk|support|admin|security|account|accounts|team|no-?reply|mail ?admin|system|ict)\b|digital|security|support/;

/** "MORTON, Jane" and "Jane Morton" compare equal: letters only, tokens sorted. */
const canonical = memo(2000, canonicalOf);

function canonicalOf(name: string): string {
  return skeleton(name)
    .replace(/[^a-z ]+/g, ' ')
    .split(' ')
    .filter((t) => t.length > 1 && !['mr', 'mrs', 'ms', 'dr', 'mp', 'the', 'of', 'rt', 'hon'].includes(t))
    .sort()
    .join(' ');
}

export const displayNameImpersonation: Rule = {
  id: 'spearphish.display-name-impersonation',
  category: 'spearphish',
  kind: 'technical',
  reason: 'the sender name imitates one of our people or services',
  evaluate(view, ctx) {
    if (view.senderDomains.some((d) => isProtectedHost(d, ctx.protectedDomains))) return undefined;
    // A WhatsApp author name is how the target saved the contact, not a name the sender chose.
    if (view.isChat && view.channel === 'whatsapp') return undefined;
    for (const raw of view.senderNames) {
      const name = canonical(raw);
      if (name.length < 4) continue;
      for (const entry of ctx.roster) {
        const target = canonical(entry.name);
        const max = target.length >= 12 ? 2 : 1;
        if (boundedEditDistance(name, target, max) <= max) {
          return { weight: 0.45, evidence: `"${raw.slice(0, 60)}" resembles ${entry.name}` };
        }
      }
      const squashed = name.replace(/ /g, '');
      const brand = ctx.brandTokens.find(
        (b) => name.split(' ').includes(b) || (b.length >= 4 && squashed.startsWith(b)),
      );
      if (brand) {
        const service = SERVICE_WORDS.test(name);
        return {
          weight: service ? 0.45 : 0.25,
          evidence: `"${raw.slice(0, 60)}" uses "${brand}"${service ? ' with a service name' : ''} from outside our domains`,
        };
      }
    }
    return undefined;
  },
};
