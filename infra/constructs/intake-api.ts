/**
 * The HTTP API: API Gateway (REST) in front of the api function, every method behind a Cognito
 * user pool authorizer with OAuth scopes, an API key (usage plan per partner), request
 * validation, access logs and a WAF web ACL. Partners use client credentials; officers sign in
 * with MFA through the console client and are told apart by the `security-officers` group.
 */
import { ArnFormat, CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { SCOPES, type Scope, type StageConfig } from '../stage-config.ts';
import { grantPublish, grantTable } from './access.ts';
import type { EncryptedTopic } from './alerts.ts';
import { LurewatchFunction } from './lurewatch-function.ts';
import type { ReportStore } from './report-store.ts';
import { acknowledge, logRetention, removalPolicyOf } from './util.ts';

export const RESOURCE_SERVER = 'lurewatch';
export const OFFICERS_GROUP = 'security-officers';
export const MEMBERS_GROUP = 'members';

export interface Route {
  /** Path without a leading slash; `{name}` segments become required path parameters. */
  readonly path: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The caller's access token must carry at least one of these. */
  readonly scopes: readonly Scope[];
  /** The request has a JSON object body. */
  readonly body?: boolean;
  /** Optional query string parameters. */
  readonly query?: readonly string[];
  /** Served without a token: the API description only, which holds no data. */
  readonly public?: boolean;
}

/**
 * Every route the api function serves (mirrors the route table in functions/api/routes.ts; a
 * test keeps the two in step). Add a route here and it gets the same protection. The API
 * description is public, here as in the local runtime: an integrator reads it before they have
 * credentials, and it holds no data.
 */
export const ROUTES: readonly Route[] = [
  { path: 'v1/openapi.json', method: 'GET', scopes: [], public: true },
  { path: 'v1/reports', method: 'POST', scopes: ['reports.write'], body: true },
  {
    path: 'v1/reports',
    method: 'GET',
    scopes: ['reports.read'],
    query: ['limit', 'cursor', 'status', 'since'],
  },
  { path: 'v1/reports/batch', method: 'POST', scopes: ['reports.write'], body: true },
  { path: 'v1/reports/{id}', method: 'GET', scopes: ['reports.read'] },
  { path: 'v1/campaigns', method: 'GET', scopes: ['campaigns.read'], query: ['limit', 'cursor'] },
  { path: 'v1/campaigns/{id}', method: 'GET', scopes: ['campaigns.read'] },
  { path: 'v1/campaigns/{id}/stix', method: 'GET', scopes: ['campaigns.read'] },
  { path: 'v1/campaigns/{id}/misp', method: 'GET', scopes: ['campaigns.read'] },
  { path: 'v1/broadcasts', method: 'POST', scopes: ['broadcasts.send'], body: true },
  { path: 'v1/broadcasts/{id}', method: 'GET', scopes: ['broadcasts.send'] },
  { path: 'v1/broadcasts/{id}/approve', method: 'POST', scopes: ['broadcasts.send'] },
  { path: 'v1/roster', method: 'GET', scopes: ['roster.manage'] },
  { path: 'v1/roster', method: 'PUT', scopes: ['roster.manage'], query: ['dryRun'] },
];

const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  'reports.write': 'Submit reports',
  'reports.read': 'Read reports and their verdicts',
  'campaigns.read': 'Read correlated campaigns',
  'broadcasts.send': 'Send a warning to every member (officers only)',
  'roster.manage': 'Import and read the roster of members and staff (officers only)',
};

export interface IntakeApiProps {
  readonly config: StageConfig;
  readonly store: ReportStore;
  readonly memberWarnings: EncryptedTopic;
  readonly environment: Record<string, string>;
}

export class IntakeApi extends Construct {
  public readonly userPool: cognito.UserPool;
  public readonly api: apigw.RestApi;
  public readonly function: LurewatchFunction;
  public readonly webAcl: wafv2.CfnWebACL;
  public readonly partnerClients: Record<string, cognito.UserPoolClient> = {};
  public readonly partnerApiKeys: Record<string, apigw.IApiKey> = {};

  constructor(scope: Construct, id: string, props: IntakeApiProps) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);
    const removalPolicy = removalPolicyOf(config);
    const retention = logRetention(config.retentionDays.logs);

    // ---- identity: user pool, officers group, resource server and its scopes, clients
    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `${config.prefix}-users`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: config.removalPolicy === 'retain',
      removalPolicy,
    });
    this.userPool.addGroup('SecurityOfficers', {
      groupName: OFFICERS_GROUP,
      description: 'Security officers: see every report and campaign, may send member warnings',
    });
    this.userPool.addGroup('Members', {
      groupName: MEMBERS_GROUP,
      description: 'Members of parliament and their staff',
    });
    const scopes = Object.fromEntries(
      SCOPES.map((s) => [
        s,
        new cognito.ResourceServerScope({ scopeName: s, scopeDescription: SCOPE_DESCRIPTIONS[s] }),
      ]),
    ) as Record<Scope, cognito.ResourceServerScope>;
    const resourceServer = this.userPool.addResourceServer('ResourceServer', {
      identifier: RESOURCE_SERVER,
      userPoolResourceServerName: RESOURCE_SERVER,
      scopes: Object.values(scopes),
    });
    const oauthScope = (s: Scope) => cognito.OAuthScope.resourceServer(resourceServer, scopes[s]);
    const domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: config.authDomainPrefix },
    });

    for (const partner of config.partnerClients) {
      this.partnerClients[partner.name] = this.userPool.addClient(`Partner-${partner.name}`, {
        userPoolClientName: `${config.prefix}-partner-${partner.name}`,
        generateSecret: true,
        authFlows: {},
        oAuth: { flows: { clientCredentials: true }, scopes: partner.scopes.map(oauthScope) },
        accessTokenValidity: Duration.hours(1),
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
      });
    }
    const officerConsole = this.userPool.addClient('OfficerConsole', {
      userPoolClientName: `${config.prefix}-officer-console`,
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, ...SCOPES.map(oauthScope)],
        callbackUrls: config.officerCallbackUrls,
        logoutUrls: config.officerCallbackUrls,
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });

    // ---- the api function
    this.function = new LurewatchFunction(this, 'ApiHandler', {
      handlerDir: 'api',
      description: 'The /v1 HTTP API: partner reports, report and campaign reads, member broadcasts',
      // API Gateway gives up after 29 s; a request that is not done in 10 is a bug.
      timeout: Duration.seconds(10),
      memorySize: 512,
      environment: props.environment,
      logRetention: retention,
      logLevel: config.logLevel,
      removalPolicy,
    });
    grantTable(this.function, props.store, 'read-write');
    // Officers' broadcasts (scope broadcasts.send + security-officers group, checked by the handler).
    grantPublish(
      this.function,
      'PublishMemberWarnings',
      props.memberWarnings.topic,
      props.memberWarnings.key,
    );

    // ---- the REST API
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention, removalPolicy });
    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: `${config.prefix}-api`,
      description: 'lurewatch reports API',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      cloudWatchRole: true,
      deployOptions: {
        stageName: config.stage,
        tracingEnabled: true,
        metricsEnabled: true,
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        // Request bodies are lures and personal data: never in execution logs.
        dataTraceEnabled: false,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
        throttlingRateLimit: config.apiThrottle.rateLimit * Math.max(1, config.partnerClients.length + 1),
        throttlingBurstLimit: config.apiThrottle.burstLimit * Math.max(1, config.partnerClients.length + 1),
      },
    });
    acknowledge(
      this.api,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      'The account-level role API Gateway needs to write access and execution logs; AWS documents this managed policy for it and it grants only CloudWatch Logs writes.',
    );

    for (const [type, name] of [
      [apigw.ResponseType.DEFAULT_4XX, 'Default4xx'],
      [apigw.ResponseType.DEFAULT_5XX, 'Default5xx'],
    ] as const) {
      // Errors API Gateway answers itself (401, 403, 429, 5xx) in the API's own format, RFC 9457.
      this.api.addGatewayResponse(name, {
        type,
        responseHeaders: { 'Content-Type': "'application/problem+json'" },
        templates: {
          'application/json':
            '{"type":"about:blank","title":$context.error.messageString,"detail":"$context.error.responseType","requestId":"$context.requestId"}',
        },
      });
    }

    const authorizer = new apigw.CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      authorizerName: `${config.prefix}-cognito`,
      cognitoUserPools: [this.userPool],
      identitySource: apigw.IdentitySource.header('Authorization'),
      resultsCacheTtl: Duration.minutes(5),
    });
    const validator = new apigw.RequestValidator(this, 'RequestValidator', {
      restApi: this.api,
      requestValidatorName: 'body-and-parameters',
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    const jsonObject = this.api.addModel('JsonObject', {
      contentType: 'application/json',
      modelName: 'JsonObject',
      schema: {
        schema: apigw.JsonSchemaVersion.DRAFT4,
        title: 'JsonObject',
        type: apigw.JsonSchemaType.OBJECT,
      },
    });
    const integration = new apigw.LambdaIntegration(this.function, { proxy: true, allowTestInvoke: false });

    for (const route of ROUTES) {
      const resource = this.api.root.resourceForPath(route.path);
      const parameters: Record<string, boolean> = {};
      for (const [, name] of route.path.matchAll(/\{([^}+]+)\}/g))
        parameters[`method.request.path.${name}`] = true;
      for (const name of route.query ?? []) parameters[`method.request.querystring.${name}`] = false;
      const method = resource.addMethod(route.method, integration, {
        ...(route.public
          ? { authorizationType: apigw.AuthorizationType.NONE }
          : {
              authorizationType: apigw.AuthorizationType.COGNITO,
              authorizer,
              authorizationScopes: route.scopes.map((s) => `${RESOURCE_SERVER}/${s}`),
              apiKeyRequired: true,
            }),
        requestValidator: validator,
        requestParameters: Object.keys(parameters).length > 0 ? parameters : undefined,
        requestModels: route.body ? { 'application/json': jsonObject } : undefined,
      });
      if (route.public) {
        const why =
          'GET /v1/openapi.json is the API description: public on purpose (integrators read it before they have credentials), holds no data, and is rate-limited by the WAF and stage throttling.';
        acknowledge(method, 'AwsSolutions-APIG4', why);
        acknowledge(method, 'AwsSolutions-COG4', why);
      }
    }

    // ---- usage plan: one API key per partner, one for the officers' console
    const plan = this.api.addUsagePlan('UsagePlan', {
      name: `${config.prefix}-clients`,
      description: 'Per-client throttling and daily quota',
      throttle: { rateLimit: config.apiThrottle.rateLimit, burstLimit: config.apiThrottle.burstLimit },
      quota: { limit: config.apiThrottle.dailyQuota, period: apigw.Period.DAY },
      apiStages: [{ api: this.api, stage: this.api.deploymentStage }],
    });
    for (const name of [...config.partnerClients.map((p) => p.name), 'officer-console']) {
      const key = this.api.addApiKey(`ApiKey-${name}`, {
        apiKeyName: `${config.prefix}-${name}`,
        description: `API key of ${name}`,
      });
      plan.addApiKey(key);
      this.partnerApiKeys[name] = key;
    }

    // ---- WAF: AWS managed rules plus a per-IP rate limit, logged (auth headers redacted)
    const managed = (
      name: string,
      priority: number,
      countInstead: string[] = [],
    ): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ruleActionOverrides:
            countInstead.length > 0
              ? countInstead.map((rule) => ({ name: rule, actionToUse: { count: {} } }))
              : undefined,
        },
      },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
    });
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `${config.prefix}-api`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        metricName: `${config.prefix}-api`,
        sampledRequestsEnabled: true,
      },
      rules: [
        managed('AWSManagedRulesAmazonIpReputationList', 0),
        // Reports carry lure content by design (HTML, links, long text): body size and
        // cross-site-scripting patterns in a report body are evidence, not an attack.
        managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY', 'CrossSiteScripting_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
        {
          name: 'RateLimitPerIp',
          priority: 3,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: 1000, evaluationWindowSec: 300, aggregateKeyType: 'IP' },
          },
          visibilityConfig: {
            cloudWatchMetricsEnabled: true,
            metricName: 'RateLimitPerIp',
            sampledRequestsEnabled: true,
          },
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
    const wafLogs = new logs.LogGroup(this, 'WafLogs', {
      // WAF only delivers to log groups whose name starts with aws-waf-logs-.
      logGroupName: `aws-waf-logs-${config.prefix}-api`,
      retention,
      removalPolicy,
    });
    new wafv2.CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      // The log group ARN without the trailing ":*" that logGroupArn carries.
      logDestinationConfigs: [
        stack.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: wafLogs.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'x-api-key' } }],
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.urlForPath('/v1') });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'TokenEndpoint', { value: `${domain.baseUrl()}/oauth2/token` });
    new CfnOutput(this, 'OfficerConsoleClientId', { value: officerConsole.userPoolClientId });
    for (const [name, client] of Object.entries(this.partnerClients)) {
      new CfnOutput(this, `PartnerClientId-${name}`, { value: client.userPoolClientId });
    }
  }
}
