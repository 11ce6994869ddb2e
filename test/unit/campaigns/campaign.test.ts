import { describe, expect, it } from 'vitest';
import {
  addReport,
  type Contribution,
  emptyCampaign,
  isFormed,
  mergeCampaigns,
} from '../../../shared/campaigns/campaign.ts';

const contribution = (over: Partial<Contribution> & { reportId: string }): Contribution => ({
  receivedAt: '2024-01-15T08:52:37.000Z',
  channel: 'whatsapp',
  category: 'honeytrap',
  verdict: 'malicious',
  score: 80,
  tlp: 'AMBER',
  reporter: 'ben.carrow@parliament.uk',
  incidentId: over.reportId,
  targets: [{ key: 'name:ben carrow', label: 'Ben Carrow' }],
  identifiers: [
    { kind: 'phone', value: '+447700900417' },
    { kind: 'alias', value: 'whatsapp:abi' },
  ],
  aliases: ['Abi'],
  relatedReportIds: [],
  ...over,
});
const ctx = { rosterSize: 0 };

describe('campaign record', () => {
  it('forms at the second distinct target and records what it knew then', () => {
    let c = addReport(emptyCampaign('C1', '2024-01-15T09:00:00.000Z'), contribution({ reportId: 'R1' }), ctx);
    expect(c).toMatchObject({
      reportCount: 1,
      incidentCount: 1,
      targetCount: 1,
      formed: false,
      severity: 'medium',
    });
    c = addReport(
      c,
      contribution({
        reportId: 'R2',
        receivedAt: '2024-02-06T07:41:09.000Z',
        targets: [{ key: 'name:andrew fenwick', label: 'Andrew Fenwick' }],
      }),
      ctx,
    );
    expect(c).toMatchObject({
      reportCount: 2,
      incidentCount: 2,
      targetCount: 2,
      formed: true,
      formedAt: '2024-02-06T07:41:09.000Z',
      firstSeen: '2024-01-15T08:52:37.000Z',
      lastSeen: '2024-02-06T07:41:09.000Z',
      phones: ['+447700900417'],
      aliases: ['Abi'],
      baseline: ['phone#+447700900417', 'alias#abi'],
    });
  });

  it('counts a duplicate as one incident with two reporters, not a second target', () => {
    let c = addReport(
      emptyCampaign('C1', 't'),
      contribution({ reportId: 'R1', reporter: 'partner:met-police' }),
      ctx,
    );
    c = addReport(
      c,
      contribution({
        reportId: 'R2',
        incidentId: 'R1',
        reporter: 'claire.moss@parliament.uk',
        targets: [{ key: 'name:claire moss', label: 'Claire Moss' }],
      }),
      ctx,
    );
    expect(c).toMatchObject({ reportCount: 2, incidentCount: 1, targetCount: 1, formed: false });
    expect(c.reporters).toEqual(['partner:met-police', 'claire.moss@parliament.uk']);
    expect(isFormed(c)).toBe(false);
  });

  it('merges two campaigns: every target, identifier and incident counted once', () => {
    const a = addReport(
      addReport(emptyCampaign('C1', 't'), contribution({ reportId: 'R1' }), ctx),
      contribution({ reportId: 'R2', targets: [{ key: 'name:andrew fenwick', label: 'Andrew Fenwick' }] }),
      ctx,
    );
    const b = addReport(
      addReport(
        emptyCampaign('C2', 't'),
        contribution({
          reportId: 'R3',
          channel: 'whatsapp',
          identifiers: [{ kind: 'phone', value: '+447700900862' }],
          aliases: ['Charlie'],
          targets: [{ key: 'name:thomas hadley', label: 'Thomas Hadley' }],
        }),
        ctx,
      ),
      contribution({
        reportId: 'R4',
        incidentId: 'R1',
        targets: [{ key: 'name:ben carrow', label: 'Ben Carrow' }],
      }),
      ctx,
    );
    const m = mergeCampaigns(a, b, ctx, 'now');
    expect(m.id).toBe('C1');
    expect(m).toMatchObject({ reportCount: 4, incidentCount: 3, targetCount: 3, mergedFrom: ['C2'] });
    expect(m.phones.sort()).toEqual(['+447700900417', '+447700900862']);
    expect(m.aliases).toEqual(['Abi', 'Charlie']);
    // It formed before, so what the other one brings is new.
    expect(m.baseline).toEqual(a.baseline);
  });

  it('gives the targeted share of the roster', () => {
    const c = addReport(
      emptyCampaign('C1', 't'),
      contribution({
        reportId: 'R1',
        targets: [
          { key: 'roster:a@parliament.uk', label: 'A', role: 'minister' },
          { key: 'name:b', label: 'B' },
        ],
      }),
      { rosterSize: 8 },
    );
    expect(c).toMatchObject({ rosterTargetCount: 1, targetedPercent: 12.5, severity: 'high', formed: true });
  });
});
