/**
 * A KMS-encrypted, TLS-only SQS queue that keeps what a function could not process, usable as
 * the on-failure destination of an async invoke or an event source mapping. Both bindings
 * grant the function exactly sqs:SendMessage and the two key actions a producer needs.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { grantSendMessage } from './access.ts';
import { acknowledge } from './util.ts';

export interface DeadLetterQueueProps {
  readonly prefix: string;
  /** What fails into it, for the key description. */
  readonly purpose: string;
  readonly retentionDays: number;
  readonly removalPolicy: RemovalPolicy;
}

export class DeadLetterQueue extends Construct {
  public readonly queue: sqs.Queue;
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `${props.prefix}: dead letters of ${props.purpose}`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      dataKeyReuse: Duration.hours(1),
      enforceSSL: true,
      retentionPeriod: Duration.days(props.retentionDays),
      removalPolicy: props.removalPolicy,
    });
    acknowledge(
      this.queue,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter (on-failure) destination of a Lambda function; a DLQ of a DLQ has nowhere useful to go. It is alarmed on its first message.',
    );
  }

  /** On-failure destination of an asynchronous invoke (SES → ses-inbound). */
  public asInvokeDestination(): lambda.IDestination {
    return {
      bind: (_scope, fn) => {
        grantSendMessage(fn, 'InvokeFailures', this.queue.queueArn, this.key);
        return { destination: this.queue.queueArn };
      },
    };
  }

  /** On-failure destination of an event source mapping (stream → score-stream). */
  public asEventSourceDlq(): lambda.IEventSourceDlq {
    return {
      bind: (_target, fn) => {
        grantSendMessage(fn, 'StreamFailures', this.queue.queueArn, this.key);
        return { destination: this.queue.queueArn };
      },
    };
  }
}
