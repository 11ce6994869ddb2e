/**
 * The emergency broadcast to members: what an officer asks for, what goes out, and the audit
 * record that remembers it. No AWS types here.
 */
import * as z from 'zod';
import type { Tlp } from '../domain/report.ts';
import { fitsOneSms, nonGsm7Characters } from './gsm7.ts';

export const BROADCAST_TEMPLATES = ['fresh-cyber-security-warning'] as const;
export const AUDIENCES = ['all', 'members', 'staff'] as const;
export type Audience = (typeof AUDIENCES)[number];

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const BroadcastRequestBody = z
  .object({
    template: z.enum(BROADCAST_TEMPLATES).default('fresh-cyber-security-warning'),
    /** The officer's own words, added to the email version under the template. */
    freeText: z.string().trim().max(2000).optional(),
    campaignIds: z.array(z.string().regex(ULID, 'a campaign id (ULID)')).max(10).default([]),
    audience: z.enum(AUDIENCES).default('all'),
    /** Preview only: answer with exactly what would be sent, send nothing, store nothing. */
    dryRun: z.boolean().default(false),
    /** Replaces the template's SMS text; must fit one GSM-7 SMS. */
    sms: z
      .string()
      .min(1)
      .max(500)
      .superRefine((text, ctx) => {
        if (fitsOneSms(text)) return;
        const bad = nonGsm7Characters(text);
        ctx.addIssue({
          code: 'custom',
          message: bad.length
            ? `the SMS may only use the GSM-7 alphabet; replace ${bad.map((c) => JSON.stringify(c)).join(' ')}`
            : 'the SMS must fit one 160-character GSM-7 message',
        });
      })
      .optional(),
    /** Sends even within the rate-limit window; needs a reason, which is kept in the audit record. */
    override: z.boolean().default(false),
    overrideReason: z.string().trim().min(10).max(500).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.override && !body.overrideReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['overrideReason'],
        message: 'an override needs a reason (10+ characters)',
      });
    }
  });
export type BroadcastRequestBody = z.infer<typeof BroadcastRequestBody>;

/** A campaign as the broadcast may describe it: already filtered by TLP for members. */
export interface CampaignBrief {
  id: string;
  /** False when every report behind it is too restricted (TLP:RED, AMBER+STRICT) to share. */
  shareable: boolean;
  aliases: string[];
  phones: string[];
  emails: string[];
  domains: string[];
  /** The most restrictive marking among what is shared (shown in the email). */
  tlp?: Tlp;
}

/** What goes to SNS: one publish, with a body per protocol. */
export interface BroadcastContent {
  topic: 'member-warnings';
  subject: string;
  /** The default body (SNS `default`): the full text. */
  message: string;
  perProtocol: { sms: string; email: string; default: string };
  attributes: Record<string, string>;
}

export type BroadcastState = 'awaiting-approval' | 'sending' | 'sent';

/** The immutable request: who asked, when, and exactly what was to be sent. */
export interface BroadcastRequestRecord {
  id: string;
  requestedBy: string;
  requestedAt: string;
  template: (typeof BROADCAST_TEMPLATES)[number];
  freeText?: string;
  campaignIds: string[];
  audience: Audience;
  content: BroadcastContent;
  approvalRequired: boolean;
  override?: { reason: string };
}

export interface BroadcastApproval {
  approvedBy: string;
  approvedAt: string;
}

export interface BroadcastPublication {
  topic: string;
  messageId: string;
  publishedAt: string;
}

/** The audit record as read back: the request plus the facts recorded after it. */
export interface BroadcastRecord extends BroadcastRequestRecord {
  approval?: BroadcastApproval;
  publication?: BroadcastPublication;
}

export function stateOf(record: BroadcastRecord): BroadcastState {
  if (record.publication) return 'sent';
  if (record.approvalRequired && !record.approval) return 'awaiting-approval';
  return 'sending';
}
