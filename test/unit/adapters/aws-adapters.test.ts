import { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { sdkStreamMixin } from '@smithy/util-stream';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3RawMailStore } from '../../../shared/adapters/aws/s3-raw-mail-store.ts';
import { SesMailer } from '../../../shared/adapters/aws/ses-mailer.ts';
import { SnsNotifier } from '../../../shared/adapters/aws/sns-notifier.ts';

const sns = mockClient(SNSClient);
const ses = mockClient(SESClient);
const s3 = mockClient(S3Client);

beforeEach(() => {
  sns.reset();
  ses.reset();
  s3.reset();
});

describe('SnsNotifier', () => {
  const notifier = new SnsNotifier(new SNSClient({}), {
    'officer-alerts': 'arn:aws:sns:eu-west-2:1:officer-alerts',
  });

  it('publishes the body and string attributes to the topic for the logical name', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
    const result = await notifier.publish({
      topic: 'officer-alerts',
      subject: 'Malicious report — Abi ✉',
      message: '{"kind":"report-alert"}',
      attributes: { kind: 'report-alert', severity: 'high' },
    });
    expect(result).toEqual({ messageId: 'sns-1' });
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      TopicArn: 'arn:aws:sns:eu-west-2:1:officer-alerts',
      Message: '{"kind":"report-alert"}',
      MessageAttributes: {
        kind: { DataType: 'String', StringValue: 'report-alert' },
        severity: { DataType: 'String', StringValue: 'high' },
      },
    });
    // SNS subjects must be printable ASCII.
    expect(input.Subject).toBe('Malicious report  Abi ');
    expect(input.MessageStructure).toBeUndefined();
  });

  it('sends per-protocol bodies as a JSON message structure', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'sns-2' });
    await new SnsNotifier(new SNSClient({}), { 'member-warnings': 'arn:mw' }).publish({
      topic: 'member-warnings',
      subject: 'Warning',
      message: 'full text',
      attributes: {},
      perProtocol: { sms: 'short', email: 'long' },
    });
    const input = sns.commandCalls(PublishCommand)[0]!.args[0].input;
    expect(input.MessageStructure).toBe('json');
    expect(JSON.parse(input.Message!)).toEqual({ default: 'full text', sms: 'short', email: 'long' });
  });

  it('fails loudly when the topic is not configured or SNS returns no id', async () => {
    await expect(
      notifier.publish({ topic: 'member-warnings', subject: 's', message: 'm', attributes: {} }),
    ).rejects.toThrow(/member-warnings/);
    sns.on(PublishCommand).resolves({});
    await expect(
      notifier.publish({ topic: 'officer-alerts', subject: 's', message: 'm', attributes: {} }),
    ).rejects.toThrow(/MessageId/);
  });
});

describe('SesMailer', () => {
  it('sends text and HTML from the configured address', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const mailer = new SesMailer(new SESClient({}), 'lurewatch <no-reply@lurewatch.example>');
    expect(
      await mailer.send({ to: ['a@parliament.uk'], subject: 'Thanks', text: 't', html: '<p>t</p>' }),
    ).toEqual({
      messageId: 'ses-1',
    });
    expect(ses.commandCalls(SendEmailCommand)[0]!.args[0].input).toMatchObject({
      Source: 'lurewatch <no-reply@lurewatch.example>',
      Destination: { ToAddresses: ['a@parliament.uk'] },
      Message: { Subject: { Data: 'Thanks' }, Body: { Text: { Data: 't' }, Html: { Data: '<p>t</p>' } } },
    });
  });

  it('propagates SES errors so the caller can retry', async () => {
    ses.on(SendEmailCommand).rejects(new Error('Throttling'));
    const mailer = new SesMailer(new SESClient({}), 'x@y.example');
    await expect(mailer.send({ to: ['a@b.example'], subject: 's', text: 't', html: 'h' })).rejects.toThrow(
      'Throttling',
    );
  });
});

describe('S3RawMailStore', () => {
  it('reads the object SES stored and writes with the message content type', async () => {
    const body = sdkStreamMixin(Readable.from([Buffer.from('Subject: hi\r\n\r\nbody')]));
    s3.on(GetObjectCommand, { Bucket: 'raw', Key: 'inbound/abc' }).resolves({ Body: body });
    const store = new S3RawMailStore(new S3Client({}), 'raw');
    expect(Buffer.from(await store.get('inbound/abc')).toString()).toBe('Subject: hi\r\n\r\nbody');
    await store.put('inbound/x', new Uint8Array([1, 2]));
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({
      Bucket: 'raw',
      Key: 'inbound/x',
      ContentType: 'message/rfc822',
    });
  });
});
