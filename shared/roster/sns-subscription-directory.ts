/** The member-warnings topic's subscriptions in SNS, with the audience filter policy on each. */
import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  type SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import type { Subscription, SubscriptionDirectory } from './subscriptions.ts';

const PENDING = /^(PendingConfirmation|Deleted)$/;

export class SnsSubscriptionDirectory implements SubscriptionDirectory {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArn: string,
  ) {}

  async list(): Promise<Subscription[]> {
    const found: Subscription[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.sns.send(
        new ListSubscriptionsByTopicCommand({ TopicArn: this.topicArn, NextToken: nextToken }),
      );
      for (const s of page.Subscriptions ?? []) {
        if (s.Protocol !== 'email' && s.Protocol !== 'sms') continue;
        const confirmed = s.SubscriptionArn && !PENDING.test(s.SubscriptionArn);
        found.push({
          ...(confirmed ? { id: s.SubscriptionArn } : {}),
          protocol: s.Protocol,
          endpoint: s.Endpoint ?? '',
          audiences: confirmed ? await this.audiencesOf(s.SubscriptionArn!) : [],
        });
      }
      nextToken = page.NextToken;
    } while (nextToken);
    return found;
  }

  /** The filter policy is only in the subscription's attributes: one call per confirmed subscription. */
  private async audiencesOf(arn: string): Promise<string[]> {
    const { Attributes } = await this.sns.send(
      new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }),
    );
    try {
      const policy = JSON.parse(Attributes?.FilterPolicy ?? '{}') as { audience?: unknown };
      return Array.isArray(policy.audience) ? policy.audience.map(String) : [];
    } catch {
      return [];
    }
  }

  async subscribe(subscription: Omit<Subscription, 'id'>): Promise<void> {
    await this.sns.send(
      new SubscribeCommand({
        TopicArn: this.topicArn,
        Protocol: subscription.protocol,
        Endpoint: subscription.endpoint,
        ReturnSubscriptionArn: true,
        Attributes: {
          FilterPolicy: JSON.stringify({ audience: subscription.audiences }),
          FilterPolicyScope: 'MessageAttributes',
        },
      }),
    );
  }

  async unsubscribe(subscription: Subscription): Promise<void> {
    if (!subscription.id) return;
    await this.sns.send(new UnsubscribeCommand({ SubscriptionArn: subscription.id }));
  }
}
