/**
 * Who gets told: officer alerts (report and campaign alerts, filterable attributes), member
 * warnings (the broadcast an officer decides on) and ops alarms. Each topic has its own key
 * and refuses plain-HTTP publishers.
 */
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage-config.ts';
import { allowServiceToUseKey, removalPolicyOf } from './util.ts';

export interface EncryptedTopic {
  readonly topic: sns.Topic;
  readonly key: kms.Key;
}

export interface AlertsProps {
  readonly config: StageConfig;
}

export class Alerts extends Construct {
  public readonly officerAlerts: EncryptedTopic;
  public readonly memberWarnings: EncryptedTopic;
  public readonly opsAlarms: EncryptedTopic;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const { config } = props;

    this.officerAlerts = this.topic('OfficerAlerts', config, 'officer-alerts', 'lurewatch officer alerts');
    this.memberWarnings = this.topic(
      'MemberWarnings',
      config,
      'member-warnings',
      'lurewatch member warnings',
    );
    this.opsAlarms = this.topic('OpsAlarms', config, 'ops-alarms', 'lurewatch ops alarms');

    // CloudWatch alarms publish to the ops topic with their own service principal.
    allowServiceToUseKey(
      this.opsAlarms.key,
      'AllowCloudWatchAlarms',
      'cloudwatch.amazonaws.com',
      ['kms:GenerateDataKey', 'kms:Decrypt'],
      { StringEquals: { 'aws:SourceAccount': this.opsAlarms.topic.stack.account } },
    );

    for (const address of config.officerAlertEmails) {
      this.officerAlerts.topic.addSubscription(new subscriptions.EmailSubscription(address));
    }
    for (const address of config.opsAlarmEmails) {
      this.opsAlarms.topic.addSubscription(new subscriptions.EmailSubscription(address));
    }
  }

  private topic(id: string, config: StageConfig, name: string, displayName: string): EncryptedTopic {
    const key = new kms.Key(this, `${id}Key`, {
      description: `${config.prefix}: SNS topic ${name}`,
      alias: `alias/${config.prefix}/${name}`,
      enableKeyRotation: true,
      removalPolicy: removalPolicyOf(config),
    });
    const topic = new sns.Topic(this, id, {
      topicName: `${config.prefix}-${name}`,
      displayName,
      masterKey: key,
      enforceSSL: true,
    });
    return { topic, key };
  }
}
