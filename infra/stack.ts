/**
 * LurewatchStack: the whole pipeline in one stack, composed from small constructs
 * (infra/constructs/): alerts, report-store, intake-email, intake-api, scoring, roster-sync,
 * observability.
 */
import { Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alerts } from './constructs/alerts.ts';
import { IntakeApi } from './constructs/intake-api.ts';
import { IntakeEmail } from './constructs/intake-email.ts';
import { Observability } from './constructs/observability.ts';
import { ReportStore } from './constructs/report-store.ts';
import { RosterSync } from './constructs/roster-sync.ts';
import { Scoring } from './constructs/scoring.ts';
import type { StageConfig } from './stage-config.ts';

export interface LurewatchStackProps extends Omit<StackProps, 'env'> {
  readonly config: StageConfig;
}

/** The environment every function gets: the names the handlers read (functions/commons). */
export function functionEnvironment(
  config: StageConfig,
  resources: {
    tableName: string;
    rawMailBucket?: string;
    officerAlertsTopicArn: string;
    memberWarningsTopicArn: string;
  },
): Record<string, string> {
  return {
    ...config.extraEnvironment,
    TABLE_NAME: resources.tableName,
    ...(resources.rawMailBucket ? { RAW_MAIL_BUCKET: resources.rawMailBucket } : {}),
    OFFICER_ALERTS_TOPIC_ARN: resources.officerAlertsTopicArn,
    MEMBER_WARNINGS_TOPIC_ARN: resources.memberWarningsTopicArn,
    ACK_SENDER_ADDRESS: config.ackSenderAddress,
    LUREWATCH_REPORT_ADDRESS: config.reportAddress,
    LUREWATCH_REPORTER_DOMAINS: config.reporterDomains.join(','),
    LUREWATCH_PROTECTED_DOMAINS: config.protectedDomains.join(','),
    POWERTOOLS_SERVICE_NAME: 'lurewatch',
    POWERTOOLS_METRICS_NAMESPACE: 'lurewatch',
    LOG_LEVEL: config.logLevel,
  };
}

export class LurewatchStack extends Stack {
  public readonly config: StageConfig;
  public readonly alerts: Alerts;
  public readonly store: ReportStore;
  public readonly intakeEmail: IntakeEmail;
  public readonly intakeApi: IntakeApi;
  public readonly scoring: Scoring;
  public readonly rosterSync: RosterSync;
  public readonly observability: Observability;

  constructor(scope: Construct, id: string, props: LurewatchStackProps) {
    const { config, ...rest } = props;
    super(scope, id, {
      stackName: config.prefix,
      description: `lurewatch (${config.stage}): honey-trap and spear-phishing lure detection`,
      // No lookups anywhere: an omitted account stays a deploy-time token.
      env: { account: config.account, region: config.region },
      terminationProtection: config.removalPolicy === 'retain',
      ...rest,
    });
    this.config = config;
    // Not on dashboards: CloudFormation accepts their Tags only recently and the cfn-lint
    // schemas in use reject them (E3002); a dashboard needs no cost-allocation tag.
    const tagOptions = { excludeResourceTypes: ['AWS::CloudWatch::Dashboard'] };
    Tags.of(this).add('project', 'lurewatch', tagOptions);
    Tags.of(this).add('stage', config.stage, tagOptions);

    this.alerts = new Alerts(this, 'Alerts', { config });
    this.store = new ReportStore(this, 'ReportStore', { config });

    const base = {
      tableName: this.store.table.tableName,
      officerAlertsTopicArn: this.alerts.officerAlerts.topic.topicArn,
      memberWarningsTopicArn: this.alerts.memberWarnings.topic.topicArn,
    };
    this.intakeEmail = new IntakeEmail(this, 'IntakeEmail', {
      config,
      store: this.store,
      environment: functionEnvironment(config, base),
    });
    const environment = functionEnvironment(config, {
      ...base,
      rawMailBucket: this.intakeEmail.rawMailBucket.bucketName,
    });
    this.intakeApi = new IntakeApi(this, 'IntakeApi', {
      config,
      store: this.store,
      memberWarnings: this.alerts.memberWarnings,
      environment,
    });
    this.scoring = new Scoring(this, 'Scoring', {
      config,
      store: this.store,
      officerAlerts: this.alerts.officerAlerts,
      environment,
    });
    this.rosterSync = new RosterSync(this, 'RosterSync', {
      config,
      store: this.store,
      memberWarnings: this.alerts.memberWarnings,
      environment,
    });
    this.observability = new Observability(this, 'Observability', {
      prefix: config.prefix,
      opsTopic: this.alerts.opsAlarms.topic,
      functions: {
        api: this.intakeApi.function,
        'ses-inbound': this.intakeEmail.function,
        'score-stream': this.scoring.function,
        'roster-sync': this.rosterSync.function,
      },
      deadLetters: {
        'ses-inbound': this.intakeEmail.deadLetters,
        'score-stream': this.scoring.deadLetters,
        'roster-sync': this.rosterSync.deadLetters,
      },
      streamConsumer: this.scoring.function,
      api: this.intakeApi.api,
      table: this.store.table,
    });
  }
}
