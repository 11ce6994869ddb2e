/**
 * "X shared a file with you", "view the secure message", "open the voicemail": the wrapper of
 * most credential-phishing links. Counted only when the link leaves our domains.
 */
import { isProtectedHost } from '../domains.ts';
import { first, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';

const SHARE = words([
  'shared (?:a|the|an?) (?:file|document|folder|spreadsheet|presentation|album|link)s? with you',
  '(?:has )?sent you (?:a |an )?(?:secure|encrypted|confidential|protected|private) (?:message|document|file|link)',
  '(?:view|open|access|download|review|read) (?:the |your |this )?(?:shared |secure |encrypted |protected )?(?:document|file|message|voicemail|fax|invoice|album|folder|statement|draft)',
  'secure (?:reader|viewer|portal|review system|document portal|message portal)',
  '(?:docusign|sharepoint|onedrive|dropbox|google drive|wetransfer|box\\.com)',
  'this link will work for',
  'you have (?:a )?(?:new |pending )?(?:voicemail|fax|secure message|document)s? (?:waiting|pending)',
]);

export const documentShareLure: Rule = {
  id: 'spearphish.document-share-lure',
  category: 'spearphish',
  kind: 'payload',
  reason: 'points you to a shared document or secure message outside our systems',
  evaluate(view, ctx) {
    const foreign = view.urls.find((u) => !isProtectedHost(u.host, ctx.protectedDomains));
    if (!foreign) return undefined;
    const hit = first(view.text.folded, SHARE);
    return hit === undefined
      ? undefined
      : { weight: 0.18, evidence: `${quote(hit)}, link to ${foreign.host}` };
  },
};
