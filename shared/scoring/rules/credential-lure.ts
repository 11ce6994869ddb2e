/**
 * Credential and MFA lures: sign in with your work account, confirm you are a pass holder,
 * re-register MFA, "your account will be paused". Stronger when the link leaves our domains;
 * much weaker when sender and every link are ours (a genuine IT notice).
 */
import { isProtectedHost } from '../domains.ts';
import { distinct, firstAffirmed, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';
import { isServiceDomain } from '../service-brands.ts';

const ACCOUNT =
  '(?:work|parliament(?:ary)?|microsoft|office|office 365|m365|o365|outlook|network|staff|corporate|intranet|sso|usual|email|e-mail|account|pass)';
const CREDENTIAL = words([
  `(?:sign(?:ing)?|log(?:ging)?)[- ]?(?:in|on)(?: again)? (?:with|using|to|via) (?:your )?${ACCOUNT}`,
  // Registering or activating with the account's own secret: "register via our secure portal
  // using your Microsoft 365 account", "activate it using your parliamentary email password".
  "(?:register|activate|verify|confirm|enrol|access)[a-z0-9' ]{0,40} (?:using|with) (?:your|their|the) (?:[a-z0-9']+ ){0,3}(?:account|credentials|password|login|log-?in details|username)",
  '(?:use|using) your (?:[a-z0-9]+ ){0,2}(?:email|account|login|credentials) to (?:sign|log)[- ]?(?:in|on)',
  '(?:verify|confirm|validate) your (?:email|e-mail|identity|account)(?: address)? to (?:open|view|access|download|read|see)',
  // "log in here using your membership number and password", "sign in with your organisational
  // account", "log in via the secure link below using the association's banking credentials".
  "(?:sign|log)[- ]?(?:in|on)(?: here| below| now| again| via [a-z' ]{1,40}| through [a-z' ]{1,40}| at [a-z.' ]{1,40})? (?:with|using) (?:your |the |our )?(?:[a-z']+ ){0,4}(?:account|credentials|password|login|log-?in details|username|membership number|staff number|pass number)",
  '(?:sign|log)[- ]?(?:in|on) (?:to|into) your (?:[a-z]+ ){0,2}(?:account|portal|mailbox|profile)',
  '(?:opened|accessed|viewed|unlocked|read) (?:only )?(?:by|after) (?:signing|logging) (?:in|on)',
  `(?:using|with|via) your ${ACCOUNT} (?:account|email|e-mail|login|credentials|details|password)`,
  '(?:asked|prompted|required|redirected|need|needs|have|has) to (?:sign|log)[- ]?(?:in|on)',
  '(?:ask|asks|asking|prompt|prompts)(?: you)? (?:to|for) (?:sign|log)[- ]?(?:in|on)',
  '(?:ask|asks|asked|asking|prompted) (?:you )?for your (?:[a-z]+ ){0,3}(?:password|credentials|login|username|passcode)',
  '(?:enter|confirm|provide|re-?enter|verify|validate|update|type|input|submit|share) (?:your )?(?:[a-z0-9]+ ){0,2}(?:password|passcode|credentials|log-?in details|username|mfa code|2fa code|one[- ]time code|security code)',
  "(?:confirm|verify|prove|validate) (?:that )?(?:you'?re|you are) (?:a |an )?(?:parliamentary |current |valid |registered )?(?:pass[- ]?holder|member of staff|staff member|employee|authori[sz]ed)",
  '(?:confirm|verify|validate) (?:your )?(?:pass[- ]?holder status|identity|account|email address|mailbox|access)',
  'pass[- ]?holder status',
  '(?:re-?authori[sz]e|re-?authori[sz]ing|re-?register|re-?enrol|re-?verify|reactivate|re-?authenticate|re-?validate|re-?confirm) (?:your )?(?:mfa|multi-?factor|authenticator|device|account|phone|mailbox|credentials|details|access|security)',
  '(?:secure|unlock|restore|reactivate|recover|protect) your (?:account|mailbox|email|access|microsoft|office)',
  '(?:account|mailbox|access|email|password)(?: access)? (?:will be|has been|is being|is) (?:suspended|paused|locked|disabled|deactivated|closed|blocked|restricted|terminated|deleted|expired)',
  'access will be (?:paused|suspended|revoked|removed|lost|restricted)',
  '(?:sign-?in|log-?in|login)[a-z0-9 ]{0,40} (?:was|has been) (?:blocked|detected|stopped|flagged)',
  '(?:unusual|suspicious|unrecogni[sz]ed) (?:sign-?in|log-?in|login|activity)',
  'single sign-?on',
  'password (?:expires|expiry|will expire|has expired)',
  // "log in to resubmit", "sign in to view the document": a login as the price of the next step.
  '(?:sign|log)[- ]?(?:in|on) (?:again )?(?:to|and) (?:re-?submit|view|access|open|download|see|review|read|confirm|verify|restore|unlock|keep|avoid|continue|approve|release)',
  'mailbox (?:is )?(?:full|quota|storage|upgrade)',
  '(?:log|sign)[- ]?(?:in|on) (?:to|into) (?:our|the) [a-z ]{0,20}portal with your (?:[a-z]+ )?(?:account|login|credentials)',
  '(?:text|send|give|tell|email) me your (?:[a-z]+ )?(?:login|password|credentials|passcode|username)',
  '(?:certificate|licence|license|subscription|token|access) (?:expires|has expired|will expire|is expiring)',
  'renew (?:now|it now|your (?:access|certificate|account|licence|license))',
  '(?:update|confirm|verify|re-?enter) (?:your )?(?:bank|banking|payment|card|payroll|salary) (?:details|information|account)',
]);

const ATTACHED_DOCUMENT =
  /\battache?(?:d|ment)\b[^.?!\n]{0,60}\b(?:document|file|pdf|letter|questions|allegations|form|invoice|report)\b/;

export const credentialLure: Rule = {
  id: 'spearphish.credential-lure',
  category: 'spearphish',
  kind: 'payload',
  reason: 'asks you to sign in, give a password or re-register security details',
  evaluate(view, ctx) {
    const hit = firstAffirmed(view.text.folded, CREDENTIAL);
    if (hit === undefined) return undefined;
    const ownService = view.senderDomains.length > 0 && view.senderDomains.every((d) => isServiceDomain(d));
    // A service's own sign-in notice links to that service: its links are not a phishing page.
    const foreign = view.urls.filter(
      (u) => !isProtectedHost(u.host, ctx.protectedDomains) && !(ownService && isServiceDomain(u.host)),
    );
    const ours =
      view.senderDomains.length > 0 &&
      view.senderDomains.every((d) => isProtectedHost(d, ctx.protectedDomains) || isServiceDomain(d));
    const several = distinct(view.text.folded, CREDENTIAL, 2).length > 1;
    if (foreign.length > 0) {
      return { weight: several ? 0.6 : 0.5, evidence: `${quote(hit)} with a link to ${foreign[0]!.host}` };
    }
    if (ours) return { weight: 0.12, evidence: `${quote(hit)} (sender and links are ours)` };
    // Signing in to open an attachment is how an HTML-attachment phish harvests the password.
    ATTACHED_DOCUMENT.lastIndex = 0;
    if (ATTACHED_DOCUMENT.test(view.text.folded))
      return { weight: 0.42, evidence: `${quote(hit)} to open an attached document` };
    return { weight: 0.35, evidence: quote(hit) };
  },
};
