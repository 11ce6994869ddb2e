/**
 * What the stack must be, asserted on the synthesised template (dev and prod from cdk.json):
 * the table, the stream mapping, the functions, mail intake, the API's protection, least
 * privilege, encryption and alarms. Bundling is skipped here; cfn-lint.test.ts bundles.
 */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../infra/constructs/intake-api.ts';
import type { StageConfig } from '../../infra/stage-config.ts';
import {
  NEW_REPORTS_FILTER_PATTERN,
  ROSTER_CHANGED_FILTER_PATTERN,
} from '../../shared/adapters/dynamodb/stream-filter.ts';
import { actionsOf, resourceByPrefix, roleStatements, type Statement, synthStage } from './synth.ts';

const HANDLER_ENV = [
  'TABLE_NAME',
  'RAW_MAIL_BUCKET',
  'OFFICER_ALERTS_TOPIC_ARN',
  'MEMBER_WARNINGS_TOPIC_ARN',
  'ACK_SENDER_ADDRESS',
  'LUREWATCH_REPORT_ADDRESS',
  'LUREWATCH_REPORTER_DOMAINS',
  'LUREWATCH_PROTECTED_DOMAINS',
  'POWERTOOLS_SERVICE_NAME',
  'POWERTOOLS_METRICS_NAMESPACE',
  'LOG_LEVEL',
];

const ROLES = {
  api: 'IntakeApiApiHandlerRole',
  sesInbound: 'IntakeEmailSesInboundRole',
  scoreStream: 'ScoringScoreStreamRole',
  rosterSync: 'RosterSyncHandlerRole',
};
const FUNCTIONS = {
  api: 'IntakeApiApiHandler',
  sesInbound: 'IntakeEmailSesInbound',
  scoreStream: 'ScoringScoreStream',
  rosterSync: 'RosterSyncHandler',
};

let dev: Template;
let prod: Template;
let devConfig: StageConfig;
let prodConfig: StageConfig;

beforeAll(() => {
  const d = synthStage('dev');
  const p = synthStage('prod');
  dev = d.template;
  prod = p.template;
  devConfig = d.stack.config;
  prodConfig = p.stack.config;
}, 120_000);

const ref = (id: string) => ({ Ref: id });
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

describe('report store', () => {
  it('is one single-table design table: PK/SK, GSI1 and GSI2 projecting ALL, on demand, PITR, TTL, NEW_IMAGE stream, own key', () => {
    dev.resourceCountIs('AWS::DynamoDB::Table', 1);
    const index = (n: string) => ({
      IndexName: n,
      KeySchema: [
        { AttributeName: `${n}PK`, KeyType: 'HASH' },
        { AttributeName: `${n}SK`, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    });
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith(
        ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'].map((n) => ({
          AttributeName: n,
          AttributeType: 'S',
        })),
      ),
      GlobalSecondaryIndexes: [index('GSI1'), index('GSI2')],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      SSESpecification: {
        SSEEnabled: true,
        SSEType: 'KMS',
        KMSMasterKeyId: arnOf(resourceByPrefix(dev, 'AWS::KMS::Key', 'ReportStoreKey')[0]),
      },
    });
  });

  it('is protected and retained in prod, disposable in dev', () => {
    prod.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    dev.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
  });
});

describe('scoring: the stream event source mapping', () => {
  it('scores only new reports, with partial batch failures, bisection, bounded retries and a DLQ', () => {
    // score-stream's and roster-sync's.
    dev.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    const [, esm] = resourceByPrefix(dev, 'AWS::Lambda::EventSourceMapping', 'Scoring');
    const [tableId] = resourceByPrefix(dev, 'AWS::DynamoDB::Table', 'ReportStoreTable');
    const [queueId] = resourceByPrefix(dev, 'AWS::SQS::Queue', 'ScoringDeadLetters');
    const [fnId] = resourceByPrefix(dev, 'AWS::Lambda::Function', FUNCTIONS.scoreStream);
    expect(esm.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FunctionName: ref(fnId),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      MaximumRecordAgeInSeconds: 3600,
      BatchSize: 25,
      MaximumBatchingWindowInSeconds: 1,
      ParallelizationFactor: 2,
      DestinationConfig: { OnFailure: { Destination: arnOf(queueId) } },
    });
    const filters = (esm.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters).toHaveLength(1);
    expect(JSON.parse(filters[0]!.Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { type: { S: ['report'] }, status: { S: ['received'] } } },
    });
    // The same definition the local stream poller uses.
    expect(JSON.parse(filters[0]!.Pattern)).toEqual(NEW_REPORTS_FILTER_PATTERN);
  });

  it('sends failed records to a KMS-encrypted, TLS-only queue', () => {
    for (const prefix of ['ScoringDeadLetters', 'IntakeEmailDeadLetters', 'RosterSyncDeadLetters']) {
      const [, queue] = resourceByPrefix(dev, 'AWS::SQS::Queue', prefix);
      const [keyId] = resourceByPrefix(dev, 'AWS::KMS::Key', `${prefix}Key`);
      expect(queue.Properties).toMatchObject({
        KmsMasterKeyId: arnOf(keyId),
        MessageRetentionPeriod: 14 * 86400,
      });
    }
    dev.resourcePropertiesCountIs(
      'AWS::SQS::QueuePolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      3,
    );
  });
});

describe('roster sync: the stream event source mapping', () => {
  it('runs only on roster imports, one at a time, with retries and a DLQ', () => {
    const [, esm] = resourceByPrefix(dev, 'AWS::Lambda::EventSourceMapping', 'RosterSync');
    const [tableId] = resourceByPrefix(dev, 'AWS::DynamoDB::Table', 'ReportStoreTable');
    const [queueId] = resourceByPrefix(dev, 'AWS::SQS::Queue', 'RosterSyncDeadLetters');
    const [fnId, fn] = resourceByPrefix(dev, 'AWS::Lambda::Function', FUNCTIONS.rosterSync);
    expect(esm.Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FunctionName: ref(fnId),
      MaximumRetryAttempts: 3,
      ParallelizationFactor: 1,
      DestinationConfig: { OnFailure: { Destination: arnOf(queueId) } },
    });
    const filters = (esm.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([ROSTER_CHANGED_FILTER_PATTERN]);
    expect(fn.Properties.ReservedConcurrentExecutions).toBe(1);
  });

  it('may manage the member-warnings subscriptions and read the table, nothing more', () => {
    const statements = roleStatements(prod, ROLES.rosterSync);
    const actions = statements.flatMap(actionsOf);
    const [topicId] = resourceByPrefix(prod, 'AWS::SNS::Topic', 'AlertsMemberWarnings');
    const sns = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('sns:')));
    expect(sns.flatMap(actionsOf).sort()).toEqual([
      'sns:GetSubscriptionAttributes',
      'sns:ListSubscriptionsByTopic',
      'sns:Subscribe',
      'sns:Unsubscribe',
    ]);
    expect(sns.map((s) => s.Resource)).toEqual([ref(topicId)]);
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'sns:Publish'])
      expect(actions).not.toContain(write);
    expect(actions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:GetRecords']),
    );
  });
});

describe('functions', () => {
  it('all run nodejs22.x on arm64 with tracing, JSON logs into their own log group, source maps', () => {
    const functions = Object.entries(dev.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(4);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } },
        Environment: { Variables: expect.objectContaining({ NODE_OPTIONS: '--enable-source-maps' }) },
      });
      expect(fn.Properties.Timeout).toBeGreaterThan(3);
      expect(fn.Properties.MemorySize).toBeGreaterThan(128);
    }
    // Every log group has a retention.
    for (const [, group] of Object.entries(prod.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBe(prodConfig.retentionDays.logs);
    }
  });

  it('get exactly the environment the handlers read', () => {
    for (const [, fn] of Object.entries(prod.findResources('AWS::Lambda::Function'))) {
      const vars = fn.Properties.Environment.Variables as Record<string, unknown>;
      expect(Object.keys(vars).sort()).toEqual([...HANDLER_ENV, 'NODE_OPTIONS'].sort());
      expect(vars).toMatchObject({
        ACK_SENDER_ADDRESS: 'no-reply@lurewatch.example',
        LUREWATCH_REPORT_ADDRESS: prodConfig.reportAddress,
        LUREWATCH_REPORTER_DOMAINS: prodConfig.reporterDomains.join(','),
        LUREWATCH_PROTECTED_DOMAINS: prodConfig.protectedDomains.join(','),
        POWERTOOLS_SERVICE_NAME: 'lurewatch',
        POWERTOOLS_METRICS_NAMESPACE: 'lurewatch',
        LOG_LEVEL: 'INFO',
        TABLE_NAME: ref(resourceByPrefix(prod, 'AWS::DynamoDB::Table', 'ReportStoreTable')[0]),
        RAW_MAIL_BUCKET: ref(resourceByPrefix(prod, 'AWS::S3::Bucket', 'IntakeEmailRawMail')[0]),
        OFFICER_ALERTS_TOPIC_ARN: ref(resourceByPrefix(prod, 'AWS::SNS::Topic', 'AlertsOfficerAlerts')[0]),
        MEMBER_WARNINGS_TOPIC_ARN: ref(resourceByPrefix(prod, 'AWS::SNS::Topic', 'AlertsMemberWarnings')[0]),
      });
    }
  });

  it('reserve concurrency for the two event-driven functions (prod), none for the API', () => {
    expect(resourceByPrefix(prod, 'AWS::Lambda::Function', FUNCTIONS.sesInbound)[1].Properties).toMatchObject(
      {
        ReservedConcurrentExecutions: prodConfig.reservedConcurrency.sesInbound,
      },
    );
    expect(
      resourceByPrefix(prod, 'AWS::Lambda::Function', FUNCTIONS.scoreStream)[1].Properties,
    ).toMatchObject({
      ReservedConcurrentExecutions: prodConfig.reservedConcurrency.scoreStream,
    });
    expect(resourceByPrefix(prod, 'AWS::Lambda::Function', FUNCTIONS.api)[1].Properties).not.toHaveProperty(
      'ReservedConcurrentExecutions',
    );
  });
});

describe('mail intake', () => {
  it('has a receipt rule for the report address: TLS required, scanned, store to S3 first, then invoke ses-inbound', () => {
    const [bucketId] = resourceByPrefix(dev, 'AWS::S3::Bucket', 'IntakeEmailRawMail');
    const [fnId] = resourceByPrefix(dev, 'AWS::Lambda::Function', FUNCTIONS.sesInbound);
    dev.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: {
        Name: `${devConfig.prefix}-report`,
        Enabled: true,
        Recipients: [devConfig.reportAddress],
        TlsPolicy: 'Require',
        ScanEnabled: true,
        Actions: [
          { S3Action: { BucketName: ref(bucketId), ObjectKeyPrefix: 'inbound/' } },
          { LambdaAction: { FunctionArn: arnOf(fnId), InvocationType: 'Event' } },
        ],
      },
    });
  });

  it('lets only SES, for this account and this rule, put objects under inbound/', () => {
    const [bucketId] = resourceByPrefix(prod, 'AWS::S3::Bucket', 'IntakeEmailRawMail');
    const [, policy] = resourceByPrefix(prod, 'AWS::S3::BucketPolicy', 'IntakeEmailRawMailPolicy');
    const statements = (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    const allow = allows[0]!;
    expect(allow.Principal).toEqual({ Service: 'ses.amazonaws.com' });
    expect(allow.Action).toBe('s3:PutObject');
    expect(allow.Resource).toEqual({ 'Fn::Join': ['', [arnOf(bucketId), '/inbound/*']] });
    expect(allow.Condition?.StringEquals?.['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(JSON.stringify(allow.Condition?.StringEquals?.['aws:SourceArn'])).toContain(
      `:receipt-rule-set/${prodConfig.prefix}-inbound:receipt-rule/${prodConfig.prefix}-report`,
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    // SES may invoke ses-inbound for that rule only.
    prod.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 'ses.amazonaws.com',
      FunctionName: arnOf(resourceByPrefix(prod, 'AWS::Lambda::Function', FUNCTIONS.sesInbound)[0]),
      SourceAccount: { Ref: 'AWS::AccountId' },
      SourceArn: Match.anyValue(),
    });
  });

  it('keeps raw mail private, versioned, KMS-encrypted, access-logged and short-lived', () => {
    const [keyId] = resourceByPrefix(prod, 'AWS::KMS::Key', 'IntakeEmailRawMailKey');
    const [logsId] = resourceByPrefix(prod, 'AWS::S3::Bucket', 'IntakeEmailAccessLogs');
    prod.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          {
            ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: arnOf(keyId) },
            BucketKeyEnabled: true,
          },
        ],
      },
      LoggingConfiguration: { DestinationBucketName: ref(logsId), LogFilePrefix: 'raw-mail/' },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({ ExpirationInDays: prodConfig.retentionDays.rawMail, Status: 'Enabled' })],
      },
    });
  });

  it('retries a failed async invoke twice, then dead-letters it', () => {
    const [queueId] = resourceByPrefix(dev, 'AWS::SQS::Queue', 'IntakeEmailDeadLetters');
    dev.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: ref(resourceByPrefix(dev, 'AWS::Lambda::Function', FUNCTIONS.sesInbound)[0]),
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: arnOf(queueId) } },
    });
  });
});

describe('alerts', () => {
  it('has the officer-alerts, member-warnings and ops topics, each with its own customer-managed key', () => {
    for (const [prefix, name] of [
      ['AlertsOfficerAlerts', 'officer-alerts'],
      ['AlertsMemberWarnings', 'member-warnings'],
      ['AlertsOpsAlarms', 'ops-alarms'],
    ] as const) {
      const [keyId, key] = resourceByPrefix(prod, 'AWS::KMS::Key', `${prefix}Key`);
      expect(key.Properties).toMatchObject({ EnableKeyRotation: true });
      prod.hasResourceProperties('AWS::SNS::Topic', {
        TopicName: `${prodConfig.prefix}-${name}`,
        KmsMasterKeyId: arnOf(keyId),
      });
    }
    // enforceSSL: a deny-unless-TLS policy on every topic.
    prod.resourcePropertiesCountIs(
      'AWS::SNS::TopicPolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      3,
    );
  });

  it('subscribes the configured officers by email', () => {
    const [topicId] = resourceByPrefix(prod, 'AWS::SNS::Topic', 'AlertsOfficerAlerts');
    for (const address of prodConfig.officerAlertEmails) {
      prod.hasResourceProperties('AWS::SNS::Subscription', {
        Protocol: 'email',
        Endpoint: address,
        TopicArn: ref(topicId),
      });
    }
  });

  it('lets CloudWatch alarms use the ops topic key', () => {
    const [, key] = resourceByPrefix(prod, 'AWS::KMS::Key', 'AlertsOpsAlarmsKey');
    expect(JSON.stringify(key.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
  });
});

describe('API', () => {
  it('puts the Cognito authorizer, OAuth scopes, an API key and request validation on every method but the API description', () => {
    const all = Object.values(prod.findResources('AWS::ApiGateway::Method'));
    expect(all).toHaveLength(ROUTES.length);
    const open = all.filter((m) => m.Properties.AuthorizationType === 'NONE');
    // Only GET /v1/openapi.json goes without a token.
    expect(open).toHaveLength(1);
    expect(open[0]!.Properties.HttpMethod).toBe('GET');
    expect(ROUTES.filter((r) => r.public).map((r) => r.path)).toEqual(['v1/openapi.json']);
    const methods = all.filter((m) => m.Properties.AuthorizationType !== 'NONE');
    const [authorizerId] = resourceByPrefix(prod, 'AWS::ApiGateway::Authorizer', 'IntakeApiAuthorizer');
    for (const method of methods) {
      expect(method.Properties.AuthorizationType).not.toBe('NONE');
      expect(method.Properties).toMatchObject({
        AuthorizationType: 'COGNITO_USER_POOLS',
        AuthorizerId: ref(authorizerId),
        ApiKeyRequired: true,
        RequestValidatorId: { Ref: expect.any(String) },
      });
      expect(method.Properties.AuthorizationScopes.length).toBeGreaterThan(0);
      for (const scope of method.Properties.AuthorizationScopes) expect(scope).toMatch(/^lurewatch\//);
    }
    prod.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      AuthorizationScopes: ['lurewatch/reports.write'],
      RequestModels: { 'application/json': Match.anyValue() },
    });
    prod.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      AuthorizationScopes: ['lurewatch/broadcasts.send'],
    });
    prod.hasResourceProperties('AWS::ApiGateway::RequestValidator', {
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
    for (const path of ['reports', '{id}', 'openapi.json', 'v1']) {
      prod.hasResourceProperties('AWS::ApiGateway::Resource', { PathPart: path });
    }
  });

  it('serves exactly the routes of the api function, each needing the scope the handler checks', async () => {
    const { routes } = await import('../../functions/api/routes.ts');
    const mine = ROUTES.map((r) => `${r.method} /${r.path}`).sort();
    expect(mine).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of routes) {
      const infra = ROUTES.find((r) => `/${r.path}` === route.path && r.method === route.method)!;
      // A route public in the handler (the API description) is public here too, and only that one.
      if (route.scope) expect(infra.scopes.map((s) => `lurewatch/${s}`)).toEqual([route.scope]);
      else expect(infra.public).toBe(true);
    }
  });

  it('has a user pool with MFA required, threat protection, the officers group and the lurewatch scopes', () => {
    prod.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      DeletionProtection: 'ACTIVE',
    });
    prod.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'security-officers' });
    prod.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'members' });
    prod.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'lurewatch',
      Scopes: ['reports.write', 'reports.read', 'campaigns.read', 'broadcasts.send', 'roster.manage'].map(
        (ScopeName) => ({
          ScopeName,
          ScopeDescription: Match.anyValue(),
        }),
      ),
    });
  });

  it('has one client-credentials app client and one API key per partner', () => {
    for (const partner of prodConfig.partnerClients) {
      const clients = Object.values(
        prod.findResources('AWS::Cognito::UserPoolClient', {
          Properties: { ClientName: `${prodConfig.prefix}-partner-${partner.name}` },
        }),
      );
      expect(clients).toHaveLength(1);
      expect(clients[0]!.Properties).toMatchObject({
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
      });
      // Scopes are `<resource server id>/<scope>`, the id being a reference to the resource server.
      const scopes = clients[0]!.Properties.AllowedOAuthScopes as unknown[];
      expect(scopes.map((s) => JSON.stringify(s).match(/\/([a-z.]+)"/)?.[1])).toEqual(partner.scopes);
      prod.hasResourceProperties('AWS::ApiGateway::ApiKey', { Name: `${prodConfig.prefix}-${partner.name}` });
    }
    // The partners' keys plus the officers' console key, all on the throttled usage plan.
    prod.resourceCountIs('AWS::ApiGateway::UsagePlanKey', prodConfig.partnerClients.length + 1);
    prod.hasResourceProperties('AWS::ApiGateway::UsagePlan', {
      Throttle: {
        RateLimit: prodConfig.apiThrottle.rateLimit,
        BurstLimit: prodConfig.apiThrottle.burstLimit,
      },
      Quota: { Limit: prodConfig.apiThrottle.dailyQuota, Period: 'DAY' },
    });
  });

  it('logs access to a log group, traces, and keeps bodies out of execution logs', () => {
    prod.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'prod',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: [Match.objectLike({ DataTraceEnabled: false, LoggingLevel: 'ERROR' })],
    });
  });

  it('associates a WAF web ACL with the AWS managed rule groups to the stage', () => {
    const [aclId, acl] = resourceByPrefix(prod, 'AWS::WAFv2::WebACL', 'IntakeApiWebAcl');
    const groups = (acl.Properties.Rules as { Statement: { ManagedRuleGroupStatement?: { Name: string } } }[])
      .map((r) => r.Statement.ManagedRuleGroupStatement?.Name)
      .filter(Boolean);
    expect(groups).toEqual(
      expect.arrayContaining([
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
        'AWSManagedRulesAmazonIpReputationList',
      ]),
    );
    expect(acl.Properties).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
    const [stageId] = resourceByPrefix(prod, 'AWS::ApiGateway::Stage', 'IntakeApiDeploymentStage');
    const [, association] = resourceByPrefix(
      prod,
      'AWS::WAFv2::WebACLAssociation',
      'IntakeApiWebAclAssociation',
    );
    expect(association.Properties.WebACLArn).toEqual(arnOf(aclId));
    expect(JSON.stringify(association.Properties.ResourceArn)).toContain(JSON.stringify(ref(stageId)));
  });
});

describe('least privilege', () => {
  const allowStatements = (t: Template): Statement[] => [
    ...Object.values(t.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement,
    ),
    ...Object.values(t.findResources('AWS::IAM::Role')).flatMap((r) =>
      (r.Properties.Policies ?? []).flatMap(
        (p: { PolicyDocument: { Statement: Statement[] } }) => p.PolicyDocument.Statement,
      ),
    ),
    ...['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'].flatMap((type) =>
      Object.values(t.findResources(type)).flatMap((p) => p.Properties.PolicyDocument.Statement),
    ),
  ];

  it('has no Allow statement with a wildcard action in any identity or resource policy', () => {
    for (const t of [dev, prod]) {
      const allows = allowStatements(t).filter((s) => s.Effect === 'Allow');
      expect(allows.length).toBeGreaterThan(20);
      const wild = allows.filter((s) => actionsOf(s).some((a) => a.includes('*')));
      expect(wild).toEqual([]);
    }
  });

  it('gives KMS key policies no wildcard action beyond the account-root administration statement', () => {
    for (const [, key] of Object.entries(prod.findResources('AWS::KMS::Key'))) {
      for (const s of key.Properties.KeyPolicy.Statement as Statement[]) {
        if (actionsOf(s).some((a) => a.includes('*'))) {
          expect(s.Action).toBe('kms:*');
          expect(JSON.stringify(s.Principal)).toContain(':root');
        }
      }
    }
  });

  const actionsOn = (statements: Statement[]) => statements.flatMap(actionsOf);

  it('api: table read/write and member-warnings publish, nothing else', () => {
    const statements = roleStatements(prod, ROLES.api);
    const actions = actionsOn(statements);
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.some((a) => a.startsWith('ses:') || a.startsWith('s3:') || a.startsWith('sqs:'))).toBe(
      false,
    );
    const publish = statements.find((s) => actionsOf(s).includes('sns:Publish'));
    expect(publish?.Resource).toEqual(
      ref(resourceByPrefix(prod, 'AWS::SNS::Topic', 'AlertsMemberWarnings')[0]),
    );
  });

  it('ses-inbound: reads inbound/ only, writes the table, sends mail only from the ack address', () => {
    const statements = roleStatements(prod, ROLES.sesInbound);
    const [bucketId] = resourceByPrefix(prod, 'AWS::S3::Bucket', 'IntakeEmailRawMail');
    const s3 = statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [arnOf(bucketId), '/inbound/*']] },
      }),
    ]);
    const actions = actionsOn(statements);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:GetItem', 'kms:Decrypt']));
    expect(actions).not.toContain('dynamodb:Query');
    expect(actions).not.toContain('sns:Publish');
    const mail = statements.find((s) => actionsOf(s).includes('ses:SendEmail'));
    expect(mail?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': prodConfig.ackSenderAddress } });
    expect(JSON.stringify(mail?.Resource)).toContain(':identity/lurewatch.example');
  });

  it('score-stream: stream read, table read/write, officer-alerts publish and ack mail', () => {
    const statements = roleStatements(prod, ROLES.scoreStream);
    const actions = actionsOn(statements);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:DescribeStream',
        'dynamodb:ListStreams',
        'dynamodb:UpdateItem',
        'sns:Publish',
        'ses:SendEmail',
        'sqs:SendMessage',
      ]),
    );
    expect(actions.some((a) => a.startsWith('s3:'))).toBe(false);
    const publish = statements.filter((s) => actionsOf(s).includes('sns:Publish'));
    expect(publish.map((s) => s.Resource)).toEqual([
      ref(resourceByPrefix(prod, 'AWS::SNS::Topic', 'AlertsOfficerAlerts')[0]),
    ]);
    // Only ListStreams and X-Ray (no resource-level permissions) may use Resource "*".
    const star = statements.filter((s) => s.Resource === '*').flatMap(actionsOf);
    expect(star.sort()).toEqual([
      'dynamodb:ListStreams',
      'xray:PutTelemetryRecords',
      'xray:PutTraceSegments',
    ]);
  });

  it('gives no function role a managed policy', () => {
    for (const prefix of Object.values(ROLES)) {
      const [, role] = resourceByPrefix(prod, 'AWS::IAM::Role', prefix);
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('observability', () => {
  it('alarms on dead letters, function errors and throttles, stream iterator age and API 5xx, to the ops topic', () => {
    const [opsTopicId] = resourceByPrefix(prod, 'AWS::SNS::Topic', 'AlertsOpsAlarms');
    const alarms = Object.values(prod.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(3 + 4 + 4 + 1 + 1);
    for (const alarm of alarms) {
      expect(alarm.Properties.AlarmActions).toEqual([ref(opsTopicId)]);
    }
    const byMetric = (name: string) => alarms.filter((a) => a.Properties.MetricName === name);
    expect(byMetric('ApproximateNumberOfMessagesVisible')).toHaveLength(3);
    for (const a of byMetric('ApproximateNumberOfMessagesVisible')) {
      expect(a.Properties).toMatchObject({
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
    expect(byMetric('Errors')).toHaveLength(4);
    expect(byMetric('Throttles')).toHaveLength(4);
    expect(byMetric('IteratorAge')).toHaveLength(1);
    expect(byMetric('5XXError')).toHaveLength(1);
    prod.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
