import { describe, expect, it } from 'vitest';
import type { Identifier } from '../../../shared/campaigns/identifiers.ts';
import { decideLinks, type OwnerView, repeatedIncident } from '../../../shared/campaigns/link-decision.ts';
import { bandKeys, minhash } from '../../../shared/campaigns/similarity.ts';
import { SCRIPT_ABI } from './fixtures.ts';

const phone = (v: string): Identifier => ({ kind: 'phone', value: v });
const alias = (v: string): Identifier => ({ kind: 'alias', value: `whatsapp:${v}` });
const owner = (campaignId: string, extra: Partial<OwnerView> = {}): OwnerView => ({
  campaignId,
  categories: ['honeytrap'],
  ...extra,
});

describe('link decision', () => {
  it('links through a shared number', () => {
    const d = decideLinks({
      identifiers: [phone('+1')],
      category: 'honeytrap',
      owners: new Map([['phone#+1', owner('C1')]]),
    });
    expect(d.campaignIds).toEqual(['C1']);
  });

  it('does not link on an alias alone ("Abi" may be a genuine person)', () => {
    const d = decideLinks({
      identifiers: [phone('+2'), alias('abi')],
      category: 'honeytrap',
      owners: new Map([['alias#whatsapp:abi', owner('C1')]]),
    });
    expect(d.campaignIds).toEqual([]);
  });

  it('counts an alias beside another link, and then merges the campaigns, oldest first', () => {
    const owners = new Map([
      ['phone#+2', owner('C2')],
      ['alias#whatsapp:abi', owner('C1')],
    ]);
    const d = decideLinks({ identifiers: [phone('+2'), alias('abi')], category: 'honeytrap', owners });
    expect(d.campaignIds).toEqual(['C1', 'C2']);
    expect(d.reasons.map((r) => r.via)).toEqual(['phone +2', 'alias whatsapp:abi']);
  });

  it('does not let an alias join a campaign of another kind of lure', () => {
    const owners = new Map([
      ['phone#+2', owner('C2')],
      ['alias#whatsapp:abi', owner('C1', { categories: ['spearphish'] })],
    ]);
    expect(
      decideLinks({ identifiers: [phone('+2'), alias('abi')], category: 'honeytrap', owners }).campaignIds,
    ).toEqual(['C2']);
  });

  it('links a second number using the same script through a band key, once the signatures agree', () => {
    const theirs = minhash(SCRIPT_ABI.replace('{name}', 'Ben'))!;
    const mine = minhash(SCRIPT_ABI.replace('{name}', 'Sam'))!;
    const bands = bandKeys(mine).map((value) => ({ kind: 'band' as const, value }));
    const shared = bandKeys(theirs).find((k) => bandKeys(mine).includes(k))!;
    const owners = new Map([[`band#${shared}`, owner('C1', { signature: theirs })]]);
    expect(
      decideLinks({ identifiers: [phone('+3'), ...bands], signature: mine, category: 'honeytrap', owners })
        .campaignIds,
    ).toEqual(['C1']);
    // A colliding band whose signature disagrees is not a link.
    const other = minhash(
      'completely different words about parcels and redelivery fees due today please pay now',
    )!;
    const collided = new Map([[`band#${shared}`, owner('C1', { signature: other })]]);
    expect(
      decideLinks({ identifiers: bands, signature: mine, category: 'honeytrap', owners: collided })
        .campaignIds,
    ).toEqual([]);
  });

  it('tells a repeat of a conversation from a new one', () => {
    const text = SCRIPT_ABI.replace('{name}', 'Thomas');
    const sig = minhash(text)!;
    const self = {
      contentHash: 'h2',
      signature: sig,
      senderKeys: ['phone#+2'],
      targetKeys: ['name:thomas hadley'],
    };
    const near = minhash(`${text} x`)!;
    expect(
      repeatedIncident({ ...self, contentHash: 'h1' }, [
        { reportId: 'R1', incidentId: 'R1', contentHash: 'h1', senderKeys: [], targetKeys: [] },
      ]),
    ).toBe('R1');
    expect(
      repeatedIncident(self, [
        {
          reportId: 'R1',
          incidentId: 'R1',
          contentHash: 'h1',
          signature: near,
          senderKeys: ['phone#+2'],
          targetKeys: ['name:thomas hadley'],
        },
      ]),
    ).toBe('R1');
    // Near-identical text from another sender is the same script, not the same conversation.
    expect(
      repeatedIncident(self, [
        {
          reportId: 'R1',
          incidentId: 'R1',
          contentHash: 'h1',
          signature: near,
          senderKeys: ['phone#+9'],
          targetKeys: ['name:thomas hadley'],
        },
      ]),
    ).toBeUndefined();
    // The same script word for word to another person is another incident.
    expect(
      repeatedIncident(self, [
        {
          reportId: 'R1',
          incidentId: 'R1',
          contentHash: 'h2',
          senderKeys: ['phone#+2'],
          targetKeys: ['name:sam whitlock'],
        },
      ]),
    ).toBeUndefined();
    // Not yet in an incident (a benign report): not a repeat.
    expect(
      repeatedIncident({ ...self, contentHash: 'h1' }, [
        { reportId: 'R1', contentHash: 'h1', senderKeys: [], targetKeys: [] },
      ]),
    ).toBeUndefined();
  });
});
