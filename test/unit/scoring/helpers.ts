import { defaultScoringContext, type ReportLike } from '../../../shared/scoring/index.ts';
import type { RuleHit } from '../../../shared/scoring/rule.ts';
import { RULES_BY_ID } from '../../../shared/scoring/rules/index.ts';
import { buildView } from '../../../shared/scoring/view.ts';

export const ctx = defaultScoringContext(
  { protectedDomains: ['parliament.uk'] },
  {
    roster: [
      { name: 'Neil Hammond', role: 'member' },
      { name: 'Priya Raman', role: 'security' },
    ],
    now: () => new Date('2024-05-01T12:00:00Z'),
  },
);

/** Runs one rule on a hand-built report. */
export function run(ruleId: string, report: ReportLike): RuleHit | undefined {
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule.evaluate(buildView(report), ctx);
}

/** A plain email from `from` with `text`. */
export const mail = (
  text: string,
  from = 'someone@example.org',
  extra: Partial<ReportLike> = {},
): ReportLike => ({
  channel: 'email',
  sender: { emails: [from] },
  text,
  ...extra,
});

/** A WhatsApp chat: lines "them: …" (the sender) and "me: …" (the target). */
export function chat(lines: string[], author = '+44 7700 900999'): ReportLike {
  const messages = lines.map((l) => {
    const me = l.startsWith('me: ');
    return { author: me ? 'Target Person' : author, fromTarget: me, text: l.replace(/^(?:me|them): /, '') };
  });
  return {
    channel: 'whatsapp',
    sender: {},
    messages,
    text: messages
      .filter((m) => !m.fromTarget)
      .map((m) => m.text)
      .join('\n'),
  };
}
