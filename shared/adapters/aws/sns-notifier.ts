import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Notifier, Publication, TopicName } from '../../domain/ports.ts';

/** Publishes to the SNS topic behind each logical topic name; attributes become filterable. */
export class SnsNotifier implements Notifier {
  constructor(
    private readonly sns: SNSClient,
    private readonly topicArns: Partial<Record<TopicName, string>>,
  ) {}

  async publish(publication: Publication): Promise<{ messageId: string }> {
    const topicArn = this.topicArns[publication.topic];
    if (!topicArn) throw new Error(`no topic ARN configured for ${publication.topic}`);
    const perProtocol = publication.perProtocol;
    const result = await this.sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        // SNS subjects are limited to 100 printable ASCII characters.
        Subject: publication.subject.replace(/[^\x20-\x7e]/g, '').slice(0, 100),
        Message: perProtocol
          ? JSON.stringify({ default: publication.message, ...perProtocol })
          : publication.message,
        MessageStructure: perProtocol ? 'json' : undefined,
        MessageAttributes: Object.fromEntries(
          Object.entries(publication.attributes).map(([name, value]) => [
            name,
            { DataType: 'String', StringValue: value },
          ]),
        ),
      }),
    );
    if (!result.MessageId) throw new Error('SNS returned no MessageId');
    return { messageId: result.MessageId };
  }
}
