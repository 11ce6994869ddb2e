/**
 * Payment redirection (invoice or mandate fraud): a supplier, landlord or venue "has changed
 * bank", the old account "is closed", please pay the new one, here are the sort code and
 * account number. Bank details alone are ordinary finance mail, and so is one mention of a
 * change; a change with the new details beside it is the fraud's shape, and the advice is the
 * same either way: confirm on a number you already have.
 */
import { distinct, first, quote, words } from '../match.ts';
import type { Rule } from '../rule.ts';

const CHANGE = words([
  '(?:new|updated|changed|amended|revised|change of|change to|changes to) (?:our |the |its |my )?(?:bank|banking|account|payment|remittance|payee) (?:details|information|info|account|instructions)',
  '(?:moved|changed|switched|transferred|migrated) (?:its|our|their|my|the company) (?:bank|banking|accounts?)',
  '(?:to|into|with) (?:the|our|my) new (?:bank |business |company )?account',
  '(?:previous|old|former|usual|existing) (?:bank |business |company )?account (?:is|has been|was|will be) (?:now )?(?:closed|frozen|suspended|under (?:audit|review)|no longer)',
  '(?:no longer|not) (?:to|into) (?:our|the) (?:previous|old|usual|former) (?:bank )?account',
]);
const DETAILS = words(['sort code', 'iban', 'account (?:no|number)', 'swift(?: code)?', 'bic']);

export const paymentRedirection: Rule = {
  id: 'spearphish.payment-redirection',
  category: 'spearphish',
  kind: 'payload',
  reason: 'asks for a payment to new or changed bank details (invoice fraud)',
  evaluate(view) {
    const text = view.text.folded;
    const change = distinct(text, CHANGE, 2);
    if (change.length === 0) return undefined;
    const details = first(text, DETAILS);
    const evidence = [...change, ...(details ? [details] : [])].map(quote).join(', ');
    if (details) return { weight: 0.45, evidence };
    return { weight: change.length > 1 ? 0.3 : 0.15, evidence };
  },
};
