/** Small builders for campaign tests: reports, assessments and contributions. */
import { type ReportDraft, toReport } from '../../../shared/domain/draft.ts';
import type { Assessment, Report, ReportSource, Verdict } from '../../../shared/domain/report.ts';

let seq = 0;
/** A ULID-shaped id that sorts by creation order. */
export function nextId(prefix = '01HZ'): string {
  seq++;
  return `${prefix}${String(seq).padStart(22 - (prefix.length - 4), '0')}`.slice(0, 26);
}

export const SCRIPT_ABI =
  "Hi {name}!! It's Abi, remember me? rooftop bar at conference, the night the fire alarm went off. " +
  "Oh god you don't remember me. This is so embarrassing. You were really sweet about it x. " +
  "I'm in Westminster on Wednesday, fancy a drink somewhere near work? so you remember me next time";

export function report(
  over: Partial<ReportDraft> & { reporter?: string; partner?: string; at?: Date; id?: string } = {},
): Report {
  const source: ReportSource = over.partner
    ? { kind: 'partner-api', partnerId: over.partner }
    : { kind: 'email-forward', reporter: over.reporter ?? 'someone@parliament.uk' };
  return toReport(
    {
      channel: over.channel ?? 'whatsapp',
      sender: over.sender ?? { phones: ['+447700900417'], aliases: ['Abi'] },
      targets: over.targets ?? { names: ['Ben Carrow'] },
      text: over.text ?? SCRIPT_ABI.replace('{name}', 'Ben'),
      attachments: over.attachments,
      urls: over.urls,
    },
    { source, receivedAt: over.at ?? new Date(), id: over.id },
  );
}

export function assessment(
  verdict: Verdict = 'malicious',
  category: Assessment['category'] = 'honeytrap',
): Assessment {
  return {
    score: verdict === 'malicious' ? 85 : verdict === 'suspicious' ? 55 : 5,
    verdict,
    category: verdict === 'benign' ? 'none' : category,
    indicators: [],
    reasons: [],
    rulesetVersion: 'test',
    scoredAt: new Date().toISOString(),
  };
}
