import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { audienceSize, parseRosterCsv, RosterImportError } from '../../../shared/roster/roster.ts';
import { SnsSubscriptionDirectory } from '../../../shared/roster/sns-subscription-directory.ts';
import { planSync, syncSubscriptions } from '../../../shared/roster/subscriptions.ts';

const CSV = [
  'name,role,party,email,mobile',
  'Andrew Fenwick,MP,Labour,Andrew.Fenwick.MP@parliament.uk,07700 900001',
  '"Carrow, Ben",Caseworker,,ben.carrow@parliament.uk,',
  'Clare Dunn,Baroness,Crossbench,,+44 7700 900003',
  'Dee Lobby,Lobby correspondent,,dee@paper.example,',
].join('\r\n');

describe('roster import', () => {
  it('reads the CSV, quoting and all, with phones in E.164 and emails lower-cased', () => {
    const roster = parseRosterCsv(CSV);
    expect(roster.entries).toHaveLength(4);
    expect(roster.entries[0]).toMatchObject({
      email: 'andrew.fenwick.mp@parliament.uk',
      mobile: '+447700900001',
    });
    expect(roster.entries[1]!.name).toBe('Carrow, Ben');
    expect(audienceSize(roster, 'members')).toEqual({ people: 2, emails: 1, sms: 2 });
    expect(audienceSize(roster, 'staff')).toEqual({ people: 1, emails: 1, sms: 0 });
    expect(audienceSize(roster, 'all').people).toBe(4);
  });
  it('reports every problem with its line number', () => {
    const bad = [
      'name,role,party,email,mobile',
      ',MP,,x@parliament.uk,',
      'Eve,MP,,not-an-email,12',
      'Fay,MP,,,',
      'Gil,MP,,g@parliament.uk,',
      'Hal,MP,,G@parliament.uk,',
    ].join('\n');
    try {
      parseRosterCsv(bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RosterImportError);
      const lines = (error as RosterImportError).errors.map((e) => `${e.line}:${e.column ?? ''}`);
      expect(lines).toEqual(['2:name', '3:mobile', '3:email', '4:', '6:']);
    }
  });
  it('names missing columns', () => {
    expect(() => parseRosterCsv('name,email\nA,a@b.c')).toThrow(/missing column\(s\): role, party, mobile/);
  });
});

describe('subscription sync', () => {
  const roster = parseRosterCsv(CSV);
  it('adds what is missing, removes who left or changed audience, leaves pending ones alone', () => {
    const plan = planSync(roster, [
      {
        id: 'arn:1',
        protocol: 'email',
        endpoint: 'andrew.fenwick.mp@parliament.uk',
        audiences: ['all', 'members'],
      },
      { id: 'arn:2', protocol: 'email', endpoint: 'ben.carrow@parliament.uk', audiences: ['all', 'members'] },
      { id: 'arn:3', protocol: 'sms', endpoint: '+447700900999', audiences: ['all'] },
      { protocol: 'email', endpoint: 'dee@paper.example', audiences: [] },
    ]);
    expect(plan.remove.map((s) => s.id)).toEqual(['arn:2', 'arn:3']);
    expect(plan.add.map((s) => `${s.protocol}:${s.endpoint}:${s.audiences.join('+')}`).sort()).toEqual([
      'email:ben.carrow@parliament.uk:all+staff',
      'email:dee@paper.example:all',
      'sms:+447700900001:all+members',
      'sms:+447700900003:all+members',
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.pending).toBe(1);
  });

  describe('SNS adapter', () => {
    const sns = mockClient(SNSClient);
    beforeEach(() => sns.reset());
    it('lists pages with filter policies, subscribes with a filter policy, unsubscribes confirmed ones', async () => {
      sns
        .on(ListSubscriptionsByTopicCommand, { TopicArn: 'arn:topic', NextToken: undefined })
        .resolves({
          Subscriptions: [
            { SubscriptionArn: 'arn:sub:1', Protocol: 'email', Endpoint: 'andrew.fenwick.mp@parliament.uk' },
          ],
          NextToken: 't2',
        })
        .on(ListSubscriptionsByTopicCommand, { TopicArn: 'arn:topic', NextToken: 't2' })
        .resolves({
          Subscriptions: [
            { SubscriptionArn: 'arn:sub:2', Protocol: 'sms', Endpoint: '+447700900999' },
            { SubscriptionArn: 'PendingConfirmation', Protocol: 'email', Endpoint: 'dee@paper.example' },
            { SubscriptionArn: 'arn:sub:3', Protocol: 'lambda', Endpoint: 'arn:fn' },
          ],
        });
      sns
        .on(GetSubscriptionAttributesCommand, { SubscriptionArn: 'arn:sub:1' })
        .resolves({ Attributes: { FilterPolicy: '{"audience":["all","members"]}' } })
        .on(GetSubscriptionAttributesCommand, { SubscriptionArn: 'arn:sub:2' })
        .resolves({ Attributes: {} });
      sns.on(SubscribeCommand).resolves({ SubscriptionArn: 'arn:new' });
      sns.on(UnsubscribeCommand).resolves({});
      const plan = await syncSubscriptions(
        new SnsSubscriptionDirectory(new SNSClient({}), 'arn:topic'),
        roster,
      );
      expect(plan.pending).toBe(1);
      expect(sns.commandCalls(UnsubscribeCommand).map((c) => c.args[0].input.SubscriptionArn)).toEqual([
        'arn:sub:2',
      ]);
      const subscribes = sns.commandCalls(SubscribeCommand).map((c) => c.args[0].input);
      expect(subscribes).toHaveLength(4);
      expect(subscribes[0]).toMatchObject({
        TopicArn: 'arn:topic',
        ReturnSubscriptionArn: true,
        Attributes: { FilterPolicyScope: 'MessageAttributes' },
      });
      expect(
        JSON.parse(
          subscribes.find((s) => s.Endpoint === 'ben.carrow@parliament.uk')!.Attributes!.FilterPolicy!,
        ),
      ).toEqual({ audience: ['all', 'staff'] });
    });
  });
});
