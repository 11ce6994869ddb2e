/**
 * The built-in "fresh cyber security warning": what is happening, what to do, where to forward,
 * whom to call. Pure: the same request and settings always give the same text, which is why a
 * preview can promise to be exactly what will be sent.
 */
import type { Audience, BroadcastContent, CampaignBrief } from './broadcast.ts';
import { fitsOneSms, toGsm7Friendly } from './gsm7.ts';

export interface BroadcastSettings {
  /** The security team's number, as people should dial it. */
  securityTeamPhone: string;
  /** The address members forward suspicious messages to. */
  reportAddress: string;
}

export interface ComposeInput {
  audience: Audience;
  freeText?: string;
  campaigns: CampaignBrief[];
  /** An officer's own SMS text, already checked to fit one GSM-7 message. */
  sms?: string;
}

export const SUBJECT = 'Fresh cyber security warning: unsolicited approaches';

const AUDIENCE_GREETING: Record<Audience, string> = {
  all: 'To all Members and their staff',
  members: 'To all Members',
  staff: "To all Members' staff",
};

/** Shorter and shorter SMS wordings: the first that fits one GSM-7 message is used. */
function smsCandidates(settings: BroadcastSettings): string[] {
  const { reportAddress: to, securityTeamPhone: phone } = settings;
  return [
    `SECURITY WARNING: ignore unknown contacts who claim you met. Never send them images. Forward messages to ${to}. Security team: ${phone}`,
    `SECURITY WARNING: ignore strangers claiming you met. Never send images. Forward to ${to}. Call ${phone}`,
    `SECURITY WARNING: ignore strangers claiming you met. Send no images. Call ${phone}`,
  ].map(toGsm7Friendly);
}

export function composeSms(settings: BroadcastSettings, override?: string): string {
  if (override) return override;
  const fitting = smsCandidates(settings).find(fitsOneSms);
  // Only an absurdly long phone number or address gets here: config, not user input.
  if (!fitting) throw new Error('the security team number and report address are too long for one SMS');
  return fitting;
}

function campaignSection(campaigns: CampaignBrief[]): string[] {
  if (campaigns.length === 0) return [];
  const lines = ['', 'What we know about the current campaign(s):'];
  for (const campaign of campaigns) {
    if (!campaign.shareable) {
      lines.push(`- Campaign ${campaign.id}: details are restricted; the advice above applies.`);
      continue;
    }
    const parts = [
      campaign.aliases.length ? `names used: ${campaign.aliases.join(', ')}` : '',
      campaign.phones.length ? `numbers: ${campaign.phones.join(', ')}` : '',
      campaign.emails.length ? `email addresses: ${campaign.emails.join(', ')}` : '',
      campaign.domains.length ? `web domains: ${campaign.domains.join(', ')}` : '',
    ].filter(Boolean);
    const marking = campaign.tlp ? ` [TLP:${campaign.tlp}]` : '';
    lines.push(
      `- Campaign ${campaign.id}${marking}: ${parts.length ? parts.join('; ') : 'no identifiers to share yet'}.`,
    );
  }
  lines.push('Block these numbers and addresses, and report any contact from them.');
  return lines;
}

export function composeEmail(settings: BroadcastSettings, input: ComposeInput): string {
  return [
    'FRESH CYBER SECURITY WARNING',
    '',
    `${AUDIENCE_GREETING[input.audience]},`,
    '',
    'What is happening: people across Parliament are receiving unsolicited messages on WhatsApp, SMS and',
    'email from strangers who claim to have met them - at a party conference, a reception or a bar - and',
    'say they are embarrassed not to be remembered. Some flirt or send explicit pictures; others ask for',
    'documents, diary details or parliamentary log-ins. These approaches are deliberate and targeted.',
    '',
    'What to do:',
    '- Do not engage with unknown contacts who claim a past meeting you cannot place.',
    '- Never send images, documents, codes or passwords to them, whatever they send you.',
    `- Forward the message, a screenshot or the chat export to ${settings.reportAddress}.`,
    `- If you have already replied or shared anything, call the security team on ${settings.securityTeamPhone}.`,
    '  You will not be in trouble: the sooner we know, the more we can do.',
    ...(input.freeText ? ['', input.freeText] : []),
    ...campaignSection(input.campaigns),
    '',
    'Parliamentary Security',
  ].join('\n');
}

/** Everything one publish to member-warnings carries, from one request. */
export function composeFreshWarning(settings: BroadcastSettings, input: ComposeInput): BroadcastContent {
  const email = composeEmail(settings, input);
  const sms = composeSms(settings, input.sms);
  return {
    topic: 'member-warnings',
    subject: SUBJECT,
    message: email,
    perProtocol: { sms, email, default: email },
    // Subscriptions filter on audience (see shared/roster/subscriptions.ts).
    attributes: {
      kind: 'member-warning',
      audience: input.audience,
      template: 'fresh-cyber-security-warning',
    },
  };
}
