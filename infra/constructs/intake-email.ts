/**
 * Forwarded mail in: SES receives for the report address (TLS required, spam and virus
 * scanned), stores the raw message in a private, KMS-encrypted, short-lived bucket under
 * `inbound/`, then invokes ses-inbound asynchronously. The SES event carries no body: the
 * function reads `inbound/<messageId>` from the bucket. Failed invokes land in a DLQ.
 */
import { ArnFormat, CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as actions from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage-config.ts';
import { allow, grantSendMail, grantTable } from './access.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import { LurewatchFunction } from './lurewatch-function.ts';
import type { ReportStore } from './report-store.ts';
import { acknowledge, allowServiceToUseKey, logRetention, removalPolicyOf } from './util.ts';

/** Where the S3 action writes; the object key is this prefix + the SES message id. */
export const RAW_MAIL_PREFIX = 'inbound/';

export interface IntakeEmailProps {
  readonly config: StageConfig;
  readonly store: ReportStore;
  /** The shared function environment (RAW_MAIL_BUCKET is added here). */
  readonly environment: Record<string, string>;
}

export class IntakeEmail extends Construct {
  public readonly accessLogsBucket: s3.Bucket;
  public readonly rawMailBucket: s3.Bucket;
  public readonly rawMailKey: kms.Key;
  public readonly function: LurewatchFunction;
  public readonly deadLetters: DeadLetterQueue;
  public readonly ruleSet: ses.ReceiptRuleSet;
  public readonly rule: ses.ReceiptRule;

  constructor(scope: Construct, id: string, props: IntakeEmailProps) {
    super(scope, id);
    const { config, store } = props;
    const stack = Stack.of(this);
    const removalPolicy = removalPolicyOf(config);
    const ruleSetName = `${config.prefix}-inbound`;
    const ruleName = `${config.prefix}-report`;
    const ruleArn = stack.formatArn({
      service: 'ses',
      resource: 'receipt-rule-set',
      resourceName: `${ruleSetName}:receipt-rule/${ruleName}`,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    const fromThisRule = {
      StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': ruleArn },
    };

    // S3 server access logs (SSE-S3: log delivery cannot write with a KMS key).
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [
        {
          expiration: Duration.days(config.retentionDays.accessLogs),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy,
    });
    acknowledge(
      this.accessLogsBucket,
      'AwsSolutions-S1',
      'This is the server access log bucket itself; logging its own access would recurse.',
    );

    this.rawMailKey = new kms.Key(this, 'RawMailKey', {
      description: `${config.prefix}: raw forwarded mail`,
      alias: `alias/${config.prefix}/raw-mail`,
      enableKeyRotation: true,
      removalPolicy,
    });
    // SES writes through S3 with the bucket's default SSE-KMS key, so it must be able to use it.
    allowServiceToUseKey(
      this.rawMailKey,
      'AllowSesToStoreMail',
      'ses.amazonaws.com',
      ['kms:GenerateDataKey', 'kms:Decrypt'],
      {
        StringEquals: { 'aws:SourceAccount': stack.account },
      },
    );

    this.rawMailBucket = new s3.Bucket(this, 'RawMail', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.rawMailKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'raw-mail/',
      lifecycleRules: [
        {
          expiration: Duration.days(config.retentionDays.rawMail),
          noncurrentVersionExpiration: Duration.days(1),
          expiredObjectDeleteMarker: false,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy,
    });
    // The only writer: SES, for this account's receipt rule, under inbound/.
    this.rawMailBucket.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowSesReceiptRuleToStoreMail',
        principals: [new iam.ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.rawMailBucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)],
        conditions: fromThisRule,
      }),
    );

    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters', {
      prefix: config.prefix,
      purpose: 'ses-inbound invokes',
      retentionDays: config.retentionDays.deadLetters,
      removalPolicy,
    });

    this.function = new LurewatchFunction(this, 'SesInbound', {
      handlerDir: 'ses-inbound',
      description: 'Turns a forwarded mail (SES receipt event + raw .eml in S3) into a report',
      // Parsing a large forward with attachments (SES stores up to 40 MB) needs headroom.
      timeout: Duration.seconds(60),
      memorySize: 1024,
      environment: { ...props.environment, RAW_MAIL_BUCKET: this.rawMailBucket.bucketName },
      logRetention: logRetention(config.retentionDays.logs),
      logLevel: config.logLevel,
      removalPolicy,
      reservedConcurrentExecutions: config.reservedConcurrency.sesInbound,
    });
    this.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: this.deadLetters.asInvokeDestination(),
    });
    grantTable(this.function, store, 'write');
    allow(
      this.function,
      'ReadRawMail',
      ['s3:GetObject'],
      [this.rawMailBucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)],
    );
    allow(this.function, 'ReadRawMailKey', ['kms:Decrypt'], [this.rawMailKey.keyArn]);
    grantSendMail(this.function, config);
    acknowledge(
      this.function.executionRole,
      `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.rawMailBucket.node.defaultChild as s3.CfnBucket)}.Arn>/${RAW_MAIL_PREFIX}*]`,
      'Reads any raw mail under inbound/ (object keys are SES message ids, unknown in advance), nothing else in the bucket.',
    );

    // Created before the action binds so that the action reuses it: scoped to this rule.
    this.function.addPermission('AllowSes', {
      action: 'lambda:InvokeFunction',
      principal: new iam.ServicePrincipal('ses.amazonaws.com'),
      sourceAccount: stack.account,
      sourceArn: ruleArn,
    });

    this.ruleSet = new ses.ReceiptRuleSet(this, 'RuleSet', { receiptRuleSetName: ruleSetName });
    this.rule = this.ruleSet.addRule('ReportRule', {
      receiptRuleName: ruleName,
      recipients: [config.reportAddress],
      enabled: true,
      tlsPolicy: ses.TlsPolicy.REQUIRE,
      scanEnabled: true,
      actions: [
        new StoreRawMail(this.rawMailBucket, RAW_MAIL_PREFIX),
        new actions.Lambda({ function: this.function, invocationType: actions.LambdaInvocationType.EVENT }),
      ],
    });
    // SES tests its access to the bucket when it saves the rule.
    if (this.rawMailBucket.policy) this.rule.node.addDependency(this.rawMailBucket.policy);

    if (config.createSesIdentity) {
      const identity = new ses.EmailIdentity(this, 'DomainIdentity', {
        identity: ses.Identity.domain(config.reportDomain),
      });
      [1, 2, 3].forEach((n) => {
        const name = identity[`dkimDnsTokenName${n}` as 'dkimDnsTokenName1'];
        const value = identity[`dkimDnsTokenValue${n}` as 'dkimDnsTokenValue1'];
        new CfnOutput(this, `DkimRecord${n}`, {
          description: `DKIM CNAME ${n} to publish for ${config.reportDomain}`,
          value: `${name} CNAME ${value}`,
        });
      });
    }
    new CfnOutput(this, 'ReceiptRuleSetName', {
      description: 'Activate once: aws ses set-active-receipt-rule-set --rule-set-name <this>',
      value: this.ruleSet.receiptRuleSetName,
    });
  }
}

/**
 * The SES S3 action with a bucket policy the bundled one does not write (it checks only
 * aws:SourceAccount): the policy above adds aws:SourceArn of this very rule. No kmsKey here:
 * that would be SES client-side encryption; the bucket's default SSE-KMS applies instead.
 */
class StoreRawMail implements ses.IReceiptRuleAction {
  constructor(
    private readonly bucket: s3.IBucket,
    private readonly prefix: string,
  ) {}

  bind(): ses.ReceiptRuleActionConfig {
    return { s3Action: { bucketName: this.bucket.bucketName, objectKeyPrefix: this.prefix } };
  }
}
