/**
 * The follow-up to a member of staff whose report turned out to be part of a wider campaign:
 * what that means and what to do. It names no other target and quotes no lure.
 */
import type { OutboundMail } from '../domain/ports.ts';

export interface FollowUpInput {
  reportId: string;
  reporter: string;
  campaignId: string;
  /** Other people approached, as a number only. */
  otherTargets: number;
}

const ADVICE = [
  'Do not reply to the sender, and do not send photos, documents, your diary or any login details.',
  'Do not delete the messages or the chat: keep them as evidence, and screenshot the sender’s number and profile.',
  'Block the number or address once you have kept the evidence, and report any new contact to us straight away.',
  'If you have already shared anything, or feel under pressure, tell the security team now — you will not be in trouble.',
  'Let your office know, so colleagues who receive something similar report it too.',
];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeFollowUp(input: FollowUpInput): Omit<OutboundMail, 'to'> {
  const others =
    input.otherTargets > 0
      ? `at least ${input.otherTargets} other ${input.otherTargets === 1 ? 'person has' : 'people have'} been approached the same way`
      : 'others have reported approaches from the same sender';
  const intro =
    `Thank you for your report (reference ${input.reportId}). It is part of a wider campaign (${input.campaignId}): ` +
    `${others}. The security team is investigating and may contact you.`;
  return {
    subject: `Your report ${input.reportId} is part of a wider campaign`,
    text: `${intro}\n\nWhat to do now:\n${ADVICE.map((a) => `- ${a}`).join('\n')}\n`,
    html: `<p>${escapeHtml(intro)}</p><p>What to do now:</p><ul>${ADVICE.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>`,
  };
}
