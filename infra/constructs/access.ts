/**
 * Least-privilege grants, written out action by action. The CDK `grant*` helpers add
 * `kms:ReEncrypt*`, `kms:GenerateDataKey*`, `s3:GetObject*` and friends; here no statement
 * carries a wildcard action, and every resource is named (the few `*` resources are the
 * actions AWS offers no resource level for, acknowledged where they are added).
 */
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type { StageConfig } from '../stage-config.ts';
import type { ReportStore } from './report-store.ts';

export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];
const KEY_DECRYPT = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_ENCRYPT_DECRYPT = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'];
/** What a producer needs on the key of an SSE-KMS topic or queue. */
const KEY_PRODUCER = ['kms:GenerateDataKey', 'kms:Decrypt'];

/** Adds one statement (with a Sid, never a wildcard action) to a function's execution role. */
export function allow(
  fn: lambda.IFunction,
  sid: string,
  actions: string[],
  resources: string[],
  conditions?: Record<string, unknown>,
): void {
  if (actions.some((a) => a.includes('*')))
    throw new Error(`wildcard action in ${sid}: ${actions.join(', ')}`);
  fn.addToRolePolicy(new iam.PolicyStatement({ sid, actions, resources, conditions }));
}

export type TableAccess = 'read' | 'write' | 'read-write';

/**
 * Item access to the report table (and its two indexes). `write` includes GetItem: the
 * repository's idempotent create reads the existing item and its claim before writing.
 */
export function grantTable(fn: lambda.IFunction, store: ReportStore, access: TableAccess): void {
  const actions =
    access === 'read'
      ? TABLE_READ_ACTIONS
      : access === 'write'
        ? ['dynamodb:GetItem', ...TABLE_WRITE_ACTIONS]
        : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
  allow(fn, 'ReportTable', actions, store.dataArns);
  allow(fn, 'ReportTableKey', access === 'read' ? KEY_DECRYPT : KEY_ENCRYPT_DECRYPT, [store.key.keyArn]);
}

/** What the DynamoDB event source mapping needs to read the table's stream. */
export function grantStreamRead(fn: lambda.IFunction, store: ReportStore): void {
  allow(
    fn,
    'ReportStream',
    ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
    [store.streamArn],
  );
  // ListStreams has no resource-level permission: AWS only accepts "*".
  allow(fn, 'ListStreams', ['dynamodb:ListStreams'], ['*']);
  allow(fn, 'ReportStreamKey', KEY_DECRYPT, [store.key.keyArn]);
}

export function grantPublish(fn: lambda.IFunction, sid: string, topic: sns.ITopic, key: kms.IKey): void {
  allow(fn, sid, ['sns:Publish'], [topic.topicArn]);
  allow(fn, `${sid}Key`, KEY_PRODUCER, [key.keyArn]);
}

export function grantSendMessage(fn: lambda.IFunction, sid: string, queueArn: string, key: kms.IKey): void {
  allow(fn, sid, ['sqs:SendMessage'], [queueArn]);
  allow(fn, `${sid}Key`, KEY_PRODUCER, [key.keyArn]);
}

/** The SES identities acknowledgements are sent from (the domain, and the address itself). */
export function sesIdentityArns(stack: Stack, config: StageConfig): string[] {
  return [config.reportDomain, config.ackSenderAddress].map((identity) =>
    stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
  );
}

/** Sending mail, only from the acknowledgement address, only through our identities. */
export function grantSendMail(fn: lambda.IFunction, config: StageConfig): void {
  allow(
    fn,
    'SendAcknowledgements',
    ['ses:SendEmail', 'ses:SendRawEmail'],
    sesIdentityArns(Stack.of(fn), config),
    {
      StringEquals: { 'ses:FromAddress': config.ackSenderAddress },
    },
  );
}
