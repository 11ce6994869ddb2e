/**
 * GSM 03.38 (GSM-7): the alphabet a single 160-character SMS is measured in. A character outside
 * it switches the whole message to UCS-2 (70 characters), and the extension table's characters
 * cost two septets each, so "fits one SMS" has to be counted here, not with `string.length`.
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '\f^{}\\[~]|€';

const basic = new Set([...BASIC]);
const extension = new Set([...EXTENSION]);

export const SINGLE_SMS_SEPTETS = 160;

/** Septets the text needs in GSM-7, or undefined when a character is outside the alphabet. */
export function gsm7Septets(text: string): number | undefined {
  let septets = 0;
  for (const char of text) {
    if (basic.has(char)) septets += 1;
    else if (extension.has(char)) septets += 2;
    else return undefined;
  }
  return septets;
}

export const isGsm7 = (text: string) => gsm7Septets(text) !== undefined;

/** True when the text goes out as exactly one GSM-7 SMS. */
export function fitsOneSms(text: string): boolean {
  const septets = gsm7Septets(text);
  return septets !== undefined && septets <= SINGLE_SMS_SEPTETS;
}

/** Characters outside GSM-7 (for error messages that say what to change). */
export const nonGsm7Characters = (text: string) => [
  ...new Set([...text].filter((c) => !basic.has(c) && !extension.has(c))),
];

/** Common typographic characters and their GSM-7 stand-ins, so pasted text still fits. */
const REPLACEMENTS: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
  '…': '...',
  '\u00a0': ' ',
};

export const toGsm7Friendly = (text: string) => [...text].map((c) => REPLACEMENTS[c] ?? c).join('');
