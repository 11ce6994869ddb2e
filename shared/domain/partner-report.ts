/**
 * The body a partner agency POSTs to /v1/reports. Looser than the stored report (phone numbers
 * in any common format, optional lists) and strict about what it never accepts (image bytes).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import * as z from 'zod';
import type { ReportDraft } from './draft.ts';
import { AttachmentMeta, Channel, ChatMessage, LinkRef, Tlp } from './report.ts';

const Phone = z
  .string()
  .min(3)
  .max(40)
  .transform((raw, ctx) => {
    const parsed = parsePhoneNumberFromString(raw, 'GB');
    if (!parsed?.isPossible()) {
      ctx.addIssue({ code: 'custom', message: `not a phone number: ${raw}` });
      return z.NEVER;
    }
    return parsed.number;
  });
const Email = z
  .email()
  .max(320)
  .transform((s) => s.toLowerCase());

export const PartnerReportBody = z
  .object({
    channel: Channel,
    partnerRef: z.string().min(1).max(256).optional(),
    tlp: Tlp.default('AMBER'),
    sender: z
      .object({
        displayName: z.string().max(256).optional(),
        phones: z.array(Phone).max(50).default([]),
        emails: z.array(Email).max(50).default([]),
        aliases: z.array(z.string().min(1).max(128)).max(50).default([]),
      })
      .strict(),
    targets: z
      .object({
        phones: z.array(Phone).max(200).default([]),
        emails: z.array(Email).max(200).default([]),
        names: z.array(z.string().min(1).max(256)).max(200).default([]),
      })
      .strict()
      .default({ phones: [], emails: [], names: [] }),
    subject: z.string().max(998).optional(),
    text: z.string().max(200_000).default(''),
    messages: z.array(ChatMessage).max(5000).optional(),
    sentAt: z.iso.datetime({ offset: true }).optional(),
    // A bare URL string is accepted as well as { url, text }.
    urls: z
      .array(
        z.union([
          z
            .string()
            .max(4096)
            .transform((url) => ({ url })),
          LinkRef,
        ]),
      )
      .max(500)
      .default([]),
    // Metadata only: a partner never sends the image itself.
    attachments: z.array(AttachmentMeta.strict()).max(500).default([]),
  })
  .strict()
  .refine((b) => b.text.trim().length > 0 || (b.messages?.length ?? 0) > 0, {
    message: 'a report needs text or messages',
    path: ['text'],
  });
export type PartnerReportBody = z.infer<typeof PartnerReportBody>;

export function partnerBodyToDraft(body: PartnerReportBody): ReportDraft {
  const text =
    body.text.trim().length > 0
      ? body.text
      : (body.messages ?? [])
          .filter((m) => !m.fromTarget)
          .map((m) => m.text)
          .join('\n');
  return {
    channel: body.channel,
    sender: body.sender,
    targets: body.targets,
    subject: body.subject,
    text,
    messages: body.messages,
    sentAt: body.sentAt,
    urls: body.urls,
    attachments: body.attachments,
  };
}
