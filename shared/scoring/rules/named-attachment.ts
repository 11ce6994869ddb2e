/**
 * A risky file named in the words ("Attachment: Casework_Scans.img", "the zip contains
 * letters.img"): a pasted or retyped report whose real attachment we do not have. Weaker than
 * the file itself, and it is words, so a security notice listing such names is discounted.
 */
import { firstMatch, matches, register } from '../match.ts';
import type { Rule } from '../rule.ts';
import { classify } from './risky-attachment.ts';

// The patterns below are found through the literal scan (registered): most texts hold none of their words.
const NAMED = register(
  // Dots inside the name too: "Draft_v3.pdf.html" is the double extension that hides a page.
  /\b(?:attachments?|attached|contains|enclosed|open(?: the file)?)\s?:?\s([\w()&,'-][\w ()&,'-]{0,99}(?:\.[\w()&,'-]{1,10})?\.[a-z0-9]{2,5})\b/g,
);
/** Talking the reader past Office's and Windows' warnings is what a malicious document needs. */
const PAST_WARNINGS = register(
  /\benable (?:content|editing|macros|(?:editing|content) and (?:content|editing))\b|\ballow it to run\b|\b(?:the )?password (?:is|for (?:it|the (?:zip file|zip|file|archive|document|attachment)) is)\s?\w+/g,
);

/** A file name with a risky extension anywhere in the words (not inside a link's path). */
const FILE_NAME =
  /(?<![\w/.@-])[\w()&,'-]{1,80}(?:\.(?:pdf|docx?|xlsx?|pptx?|jpe?g|png|txt|rtf))?\.(?:html?|shtml|xhtml|svg|iso|img|vhdx?|exe|scr|msi|bat|cmd|js|vbs|hta|ps1|lnk|jar|wsf|docm|xlsm|pptm)\b(?![./\w-])/g;
const RISKY_EXTENSION = register(
  /\.(?:html?|shtml|xhtml|svg|iso|img|vhdx?|exe|scr|msi|bat|cmd|js|vbs|hta|ps1|lnk|jar|wsf|docm|xlsm|pptm)\b/g,
);
/** Every path below needs one of these: a cue word for NAMED, an extension, or a password. */
const MAY_NAME_A_FILE = register(
  new RegExp(
    `attach|contains|enclosed|open |pass(?:word|code)|enable |allow it|${RISKY_EXTENSION.source}`,
    'g',
  ),
);
/**
 * An archive sent locked with its password in the same message: the lock only keeps the mail
 * gateway from scanning what is inside.
 */
const LOCKED = register(
  /\b(?:encrypted|password[- ]protected|protected|locked|secured) (?:archive|zip|file|attachment|document|folder|pdf|copy)\b/g,
);
const PASSWORD_GIVEN = register(
  /\b(?:password|passcode|pin)\b(?: (?:is|for (?:it|the [a-z]+)(?: is)?))?\s?[:=(-]?\s?[a-z0-9]*\d[a-z0-9]*\b/g,
);

export const namedAttachment: Rule = {
  id: 'spearphish.named-attachment',
  category: 'spearphish',
  kind: 'payload',
  reason: 'names a risky attachment',
  evaluate(view) {
    const t = view.text.plain;
    // One look for anything this rule reads (most messages name no file and lock nothing).
    if (!firstMatch(t, MAY_NAME_A_FILE)) return undefined;
    let best: [number, string, string] | undefined;
    const consider = (name: string, scale: number) => {
      const c = classify(name, '');
      if (c && (!best || c[0] * scale > best[0])) best = [c[0] * scale, c[1], name];
    };
    if (t.includes('attach') || t.includes('contains') || t.includes('enclosed') || t.includes('open ')) {
      const named = matches(t, NAMED);
      let n = 0;
      for (let m = named.next(); m && n < 20; m = named.next(), n++) consider(m[1]!.trim(), 1);
    }
    // Named without "attached": a little less sure it is the message's own file.
    if (!best && firstMatch(t, RISKY_EXTENSION)) {
      FILE_NAME.lastIndex = 0;
      let n = 0;
      for (let m = FILE_NAME.exec(t); m && n < 20; m = FILE_NAME.exec(t), n++) consider(m[0], 0.75);
      FILE_NAME.lastIndex = 0;
    }
    const coached = firstMatch(t, PAST_WARNINGS);
    if (best && coached)
      return { weight: 0.5, evidence: `${best[1]} named: ${best[2].slice(0, 60)}, with "${coached[0]}"` };
    // An archive named with its password beside it is the locked archive, however it is worded.
    const keyed = best?.[1] === 'archive' ? firstMatch(t, PASSWORD_GIVEN) : null;
    if (best && keyed)
      return {
        weight: 0.4,
        evidence: `archive named: ${best[2].slice(0, 60)}, with its password ("${keyed[0].slice(0, 40)}")`,
      };
    if (best)
      return {
        weight: Math.round(best[0] * 0.8 * 100) / 100,
        evidence: `${best[1]} named: ${best[2].slice(0, 80)}`,
      };
    // Talking the reader past Office's warnings needs no file name to be the payload's tell.
    const coaching = coached && /^enable|^allow/.test(coached[0]) ? coached : null;
    if (coaching) return { weight: 0.35, evidence: `"${coaching[0]}"` };
    const locked = t.includes('password') || t.includes('passcode') ? firstMatch(t, LOCKED) : null;
    const password = locked && firstMatch(t, PASSWORD_GIVEN);
    return locked && password
      ? {
          weight: 0.4,
          evidence: `"${locked[0]}" with its password in the message ("${password[0].slice(0, 40)}")`,
        }
      : undefined;
  },
};
