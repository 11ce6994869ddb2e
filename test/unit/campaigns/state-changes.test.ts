import { describe, expect, it } from 'vitest';
import { composeCampaignAlert, MAX_MESSAGE_BYTES } from '../../../shared/alerts/campaign-alert.ts';
import { type Campaign, emptyCampaign } from '../../../shared/campaigns/campaign.ts';
import { composeFollowUp } from '../../../shared/campaigns/follow-up.ts';
import { dueChanges, followUpSweepKey } from '../../../shared/campaigns/state-changes.ts';

const formed = (over: Partial<Campaign> = {}): Campaign => ({
  ...emptyCampaign('C1', '2024-01-15T00:00:00.000Z'),
  formed: true,
  reportCount: 2,
  incidentIds: ['R1', 'R2'],
  incidentCount: 2,
  targets: [
    { key: 'name:a', label: 'A' },
    { key: 'name:b', label: 'B' },
  ],
  targetCount: 2,
  phones: ['+447700900417'],
  aliases: ['Abi'],
  baseline: ['phone#+447700900417', 'alias#abi'],
  channels: { whatsapp: 2 },
  ...over,
});

describe('state changes', () => {
  it('announces nothing before a campaign forms, or once it is merged away', () => {
    expect(dueChanges(emptyCampaign('C1', 't'))).toEqual([]);
    expect(dueChanges(formed({ mergedInto: 'C0' }))).toEqual([]);
  });

  it('keys each change by the change itself', () => {
    expect(dueChanges(formed())).toEqual([{ kind: 'campaign-formed', key: 'campaign#C1#formed' }]);
    const five = formed({
      targetCount: 5,
      phones: ['+447700900417', '+447700900862'],
      aliases: ['Abi', 'Charlie'],
    });
    expect(dueChanges(five, [3, 10])).toEqual([
      { kind: 'campaign-formed', key: 'campaign#C1#formed' },
      { kind: 'campaign-threshold', key: 'campaign#C1#threshold#3', threshold: 3 },
      {
        kind: 'campaign-new-identifier',
        identifiers: ['phone#+447700900862', 'alias#charlie'],
        keys: ['campaign#C1#identifier#phone#+447700900862', 'campaign#C1#identifier#alias#charlie'],
      },
    ]);
    expect(followUpSweepKey(five)).toBe('campaign#C1#followups#0');
    expect(followUpSweepKey({ ...five, mergedFrom: ['C2'] })).toBe('campaign#C1#followups#1');
  });
});

describe('campaign alert', () => {
  it('carries the filterable attributes and a one-paragraph summary', () => {
    const p = composeCampaignAlert({
      kind: 'campaign-threshold',
      campaign: formed({ targetCount: 3, severity: 'high' }),
      reportId: 'R3',
      threshold: 3,
    });
    expect(p.topic).toBe('officer-alerts');
    expect(p.attributes).toMatchObject({
      kind: 'campaign-threshold',
      severity: 'high',
      channel: 'whatsapp',
      campaignId: 'C1',
    });
    const body = JSON.parse(p.message);
    expect(body).toMatchObject({
      kind: 'campaign-threshold',
      campaignId: 'C1',
      threshold: 3,
      triggeredBy: 'R3',
    });
    expect(body.summary).toMatch(/reached 3 or more targets: \+447700900417 using "Abi" reached/);
    expect(body.summary).not.toContain('\n');
  });

  it('stays far below the SNS limit however big the campaign', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      key: `name:${i}`,
      label: `Person ${'x'.repeat(200)} ${i}`,
    }));
    const phones = Array.from({ length: 5000 }, (_, i) => `+4477009${String(i).padStart(5, '0')}`);
    const p = composeCampaignAlert({
      kind: 'campaign-new-identifier',
      campaign: formed({ targets: many, targetCount: many.length, phones }),
      reportId: 'R',
      newIdentifiers: phones.map((x) => `phone#${x}`),
    });
    expect(Buffer.byteLength(p.message)).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(JSON.parse(p.message).targets.more).toBe(5000 - 25);
  });

  it('follows up a reporter without naming other targets', () => {
    const mail = composeFollowUp({
      reportId: 'R1',
      reporter: 'x@parliament.uk',
      campaignId: 'C1',
      otherTargets: 4,
    });
    expect(mail.subject).toContain('wider campaign');
    expect(mail.text).toMatch(/at least 4 other people/);
    expect(mail.text).toMatch(/Do not reply/);
  });
});
