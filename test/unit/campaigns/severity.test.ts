import { describe, expect, it } from 'vitest';
import { campaignSeverity } from '../../../shared/campaigns/severity.ts';

const t = (...roles: Array<'minister' | 'member' | 'staffer' | 'journalist' | undefined>) =>
  roles.map((role) => ({ role }));

describe('campaign severity', () => {
  it('rises with the number of distinct targets', () => {
    expect(campaignSeverity({ targets: t(undefined), malicious: false })).toBe('low');
    expect(campaignSeverity({ targets: t(undefined, undefined), malicious: false })).toBe('medium');
    expect(campaignSeverity({ targets: t(...Array(5).fill(undefined)), malicious: false })).toBe('high');
    expect(campaignSeverity({ targets: t(...Array(10).fill(undefined)), malicious: false })).toBe('critical');
  });

  it('rises with who the targets are', () => {
    expect(campaignSeverity({ targets: t('staffer', 'staffer'), malicious: false })).toBe('medium');
    expect(campaignSeverity({ targets: t('member', 'member', 'member'), malicious: false })).toBe('high');
    expect(campaignSeverity({ targets: t('minister'), malicious: false })).toBe('high');
    expect(campaignSeverity({ targets: t('minister', 'staffer', undefined), malicious: false })).toBe(
      'critical',
    );
    expect(
      campaignSeverity({ targets: t('member', 'member', 'member', 'member', 'member'), malicious: false }),
    ).toBe('critical');
  });

  it('never falls as targets are added', () => {
    const order = ['low', 'medium', 'high', 'critical'];
    const roles = ['staffer', 'journalist', undefined, 'member', 'minister', 'staffer'] as const;
    let last = 0;
    for (let n = 1; n <= roles.length; n++) {
      const s = order.indexOf(campaignSeverity({ targets: t(...roles.slice(0, n)), malicious: false }));
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });
});
