/**
 * Asking for restricted material: committee drafts, briefing packs, forward plans, dial-ins to
 * private sessions, passes. The payload of honey traps, extortion and spear-phishing alike.
 */
import { nearPair, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';

const ASK = words([
  'send(?: me| us| over| across| through)?',
  'share',
  'forward',
  'pass (?:me|on|over|along)',
  'let (?:me|us) (?:have|see|read)',
  '(?:could|can|may) i (?:look at|see|read|have a look at|borrow)',
  'reply with',
  'show (?:me|us)',
  '(?:re-?)?upload',
  'give (?:me|us)',
  'get (?:me|us|hold of)',
  '(?:all|what) (?:i|we) (?:need|want|ask for) is',
  'just (?:need|want|the|a|your)',
  '(?:could|can|would) you (?:get|find|dig out|bring)',
  '(?:look|have a look|cast an eye) (?:at|over) (?:something|a (?:doc|document|draft|paper))',
  '(?:value|like|love|want) your (?:eye|take|view|opinion|thoughts) on',
  '(?:copy|copies) of',
  'a (?:look|peek|glance) at',
  'sneak(?:y)? (?:peek|look|preview)',
  'ping (?:me|over|across)',
  "(?:export|send|email|forward) [a-z' ]{0,40}(?:mobile numbers|phone numbers|contact (?:list|details))",
  '(?:get|sign|take) me (?:into|in to|onto) (?:the )?(?:gallery|estate|building|parliament|chamber|pmqs)',
  'sign me in',
  'bring (?:that|the|your) (?:briefing|papers?|documents?|file|report)',
  'does your (?:mp|boss|minister) get the',
  'tell (?:me|us) (?:a (?:little|bit) |more |a little more )?about',
  '(?:your|private|personal|candid|frank|honest) (?:insights?|views|thoughts|take|read) on',
  '(?:get|have|see) (?:the|a) (?:latest )?(?:draft|copy|version)',
  'in exchange for',
]);
const RESTRICTED = words([
  'briefing (?:pack|papers?|notes?)',
  '(?:forward|work) (?:plan|programme)',
  'dial[- ]?in',
  '(?:meeting|call|zoom|teams) (?:link|details|invite|code|password)',
  "(?:committee'?s? )?draft (?:report|recommendations?|bill|amendments?|minutes|conclusions|text|statement|findings)",
  "committee'?s? (?:papers|draft|report|briefing|documents|minutes|recommendations?|evidence|forward plan|schedule|notes)",
  'embargoed',
  'non-public (?:briefing|papers?|documents?|information|material|reports?)',
  'home address(?:es)?',
  '(?:a )?(?:photo|picture|scan|copy) of (?:your|their|the|his|her) (?:own )?(?:pass|passport|id|driving licence|security pass)',
  'passport (?:scan|copy|photo|number|details|page)',
  'scan of your passport',
  'private (?:session|briefing|papers|hearing)',
  'closed session',
  'confidential',
  'restricted',
  'classified',
  'official[- ]sensitive',
  '(?:internal|leaked) (?:documents?|papers|memos?|emails?)',
  'whip(?:ping)? (?:note|papers|list)',
  'voting intentions',
  '(?:long|short)[- ]?list',
  '(?:latest )?(?:draft|version) of the (?:annex|report|bill|statement|speech|briefing|submission|paper|amendments?)',
  'annex',
  '(?:a )?day pass',
  'embargoed (?:[a-z]+ )?(?:docs|documents|papers|figures|budget)',
  'unredacted',
  '(?:that|the) briefing',
  '(?:that|the|your) draft',
  'committee report',
  '(?:mobile numbers|phone numbers|contact (?:list|details))',
  '(?:the )?(?:gallery|estate|building|chamber)(?: for pmqs)?',
  'draft submission',
  '(?:the )?draft of (?:the |his |her |your |their |its )?(?:[a-z]+ )?(?:amendment|report|bill|statement|speech|briefing|submission|paper|annex|letter|response|findings)s?',
  "before (?:it'?s|it is|they'?re|they are) (?:public|published|announced|out|released)",
  '(?:where|how) the (?:[a-z]+ ){0,2}(?:inquiry|review|investigation|committee) is (?:heading|going|leaning)',
  'red box',
  '(?:a|your|his|her) (?:parliamentary )?pass(?: for)?',
  // Thinking not yet public: "the committee's thinking on", "your insights on the upcoming review".
  "(?:committee|department|minister|government|party|whips?)'?s? (?:thinking|position|line|plans?|view) on",
  '(?:the )?upcoming (?:[a-z]+ ){0,2}(?:procurement|review|reshuffle|statement|budget|negotiations?|decision|vote)',
]);

export const sensitiveRequest: Rule = {
  id: 'lure.sensitive-request',
  kind: 'payload',
  reason: 'asks for restricted documents, access details or passes',
  evaluate(view) {
    const pair = nearPair(view.text.folded, ASK, RESTRICTED, 50, 0);
    if (!pair) return undefined;
    return { weight: 0.3, evidence: `${quote(pair.anchor)} … ${quote(pair.near)}` };
  },
};
