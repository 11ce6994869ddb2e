/**
 * The reply a reporter gets: a reference, the first verdict in plain words, and what to do
 * now. Nothing from the reported message is copied in (no links, images or quoted text): the
 * acknowledgement must never re-deliver the lure. Pure; every value is HTML-escaped.
 */
import type { Category, Channel, Verdict } from '../domain/report.ts';
import { escapeHtml } from './html.ts';

export interface AcknowledgementInput {
  reportId: string;
  verdict?: Verdict;
  category?: Category;
  channel: Channel;
}

export interface Acknowledgement {
  subject: string;
  text: string;
  html: string;
}

const VERDICT_WORDS: Record<Verdict, string> = {
  malicious: 'It looks like a deliberate attempt to target you. Please treat it as hostile.',
  suspicious:
    'It has some of the signs of an approach we have been warned about. Please treat it with caution while an officer looks at it.',
  benign:
    'Our first check found no sign of a lure. An officer may still look at it, and you were right to report it.',
};

const CATEGORY_WORDS: Record<Category, string | undefined> = {
  honeytrap:
    'It resembles a "honey trap" approach: someone claiming a past meeting to build a personal connection.',
  spearphish:
    'It resembles a targeted phishing attempt: an effort to obtain sign-in details, documents or access.',
  sextortion: 'It resembles an extortion attempt involving images or private conversations.',
  none: undefined,
};

function advice(channel: Channel): string[] {
  const common = [
    'Do not reply or engage, even to say you are reporting it.',
    'Never send images of yourself, documents or sign-in codes to the sender.',
    'Do not click links or open attachments in the message.',
  ];
  const perChannel =
    channel === 'whatsapp' || channel === 'sms'
      ? [
          'Block the number on your phone, and keep the messages (do not delete the chat) in case officers need them.',
        ]
      : channel === 'email'
        ? ['Do not forward it to anyone else; keep the original in your mailbox in case officers need it.']
        : ['Block the sender where you can, and keep the messages in case officers need them.'];
  return [
    ...common,
    ...perChannel,
    'If you have already replied, sent anything or been asked for money or information, tell the security team straight away: you have not done anything wrong.',
  ];
}

// Only characters a report id can contain: nothing else reaches the mail.
const safeId = (id: string) => (id.match(/[0-9A-Za-z_-]/g) ?? []).join('').slice(0, 64) || 'unknown';

export function composeAcknowledgement(input: AcknowledgementInput): Acknowledgement {
  const ref = safeId(input.reportId);
  const channelWord =
    input.channel === 'whatsapp'
      ? 'WhatsApp messages'
      : input.channel === 'sms'
        ? 'text messages'
        : input.channel === 'email'
          ? 'email'
          : 'message';
  const verdictLine = input.verdict
    ? VERDICT_WORDS[input.verdict]
    : 'We could not read it automatically. It is kept safely and an officer will look at it.';
  const categoryLine =
    input.verdict && input.verdict !== 'benign' && input.category
      ? CATEGORY_WORDS[input.category]
      : undefined;
  const next =
    'What happens next: security officers see every report. If this is part of a wider campaign, they will contact you and may warn colleagues without naming you.';
  const paragraphs = [
    `Thank you for reporting the ${channelWord} you received. Your reference is ${ref}.`,
    `First assessment: ${verdictLine}`,
    ...(categoryLine ? [categoryLine] : []),
  ];
  const steps = advice(input.channel);
  const subject = `Report received - reference ${ref}`;
  const text = [
    ...paragraphs,
    '',
    'What to do now:',
    ...steps.map((s) => `- ${s}`),
    '',
    next,
    '',
    'Parliamentary Security - lurewatch',
    'This is an automatic reply. It does not contain anything from the message you reported.',
  ].join('\n');
  const html = [
    '<!doctype html><html><body>',
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '<p><strong>What to do now:</strong></p>',
    `<ul>${steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`,
    `<p>${escapeHtml(next)}</p>`,
    `<p>${escapeHtml('Parliamentary Security - lurewatch')}<br>${escapeHtml('This is an automatic reply. It does not contain anything from the message you reported.')}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
