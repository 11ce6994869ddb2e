/**
 * The one place Lambda defaults are decided: Node.js 22 on arm64, an ESM bundle built locally
 * by the project's own esbuild (never Docker), minified with source maps, its own log group
 * with a retention, X-Ray active, and an execution role that starts empty (no managed policy:
 * logging and tracing are granted here, everything else by the construct that owns the data).
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { ALIASES, ESM_REQUIRE_BANNER, EXTERNAL_MODULES } from '../bundling.ts';
import { allow } from './access.ts';
import { acknowledge, projectPath } from './util.ts';

export interface LurewatchFunctionProps {
  /** Folder under functions/ holding `handler.ts`, e.g. `api`. */
  readonly handlerDir: string;
  readonly description: string;
  /** Set on purpose per function: no default. */
  readonly timeout: Duration;
  /** Set on purpose per function: no default. */
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly logRetention: logs.RetentionDays;
  readonly logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly removalPolicy: RemovalPolicy;
  /** Omit or 0 for none. */
  readonly reservedConcurrentExecutions?: number;
}

const APP_LOG_LEVEL: Record<LurewatchFunctionProps['logLevel'], lambda.ApplicationLogLevel> = {
  DEBUG: lambda.ApplicationLogLevel.DEBUG,
  INFO: lambda.ApplicationLogLevel.INFO,
  WARN: lambda.ApplicationLogLevel.WARN,
  ERROR: lambda.ApplicationLogLevel.ERROR,
};

export class LurewatchFunction extends NodejsFunction {
  /** The function's own log group (also `logGroup`). */
  public readonly ownLogGroup: logs.LogGroup;
  public readonly executionRole: iam.Role;

  constructor(scope: Construct, id: string, props: LurewatchFunctionProps) {
    // Created beside the function (they must exist before super()), named after it.
    const logGroup = new logs.LogGroup(scope, `${id}LogGroup`, {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    const role = new iam.Role(scope, `${id}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.handlerDir} function`,
    });

    super(scope, id, {
      entry: projectPath('functions', props.handlerDir, 'handler.ts'),
      handler: 'handler',
      projectRoot: projectPath(),
      depsLockFilePath: projectPath('package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      role,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: APP_LOG_LEVEL[props.logLevel],
      systemLogLevelV2: lambda.SystemLogLevel.INFO,
      tracing: lambda.Tracing.ACTIVE,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions || undefined,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        LOG_LEVEL: props.logLevel,
        ...props.environment,
      },
      bundling: {
        // Local esbuild from node_modules (NodejsFunction prefers the workspace package and runs
        // it through the package manager); Docker is never used, so synth works offline.
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        externalModules: EXTERNAL_MODULES,
        esbuildArgs: Object.fromEntries(Object.entries(ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
      },
    });
    this.ownLogGroup = logGroup;
    this.executionRole = role;

    // What AWSLambdaBasicExecutionRole would give, narrowed to this function's own log group.
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );

    acknowledge(
      this,
      'AwsSolutions-L1',
      'Pinned to nodejs22.x on purpose: the project develops, tests and runs its local runtime on Node 22 (package.json engines and the node devDependency); the runtime moves together with them.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords (added by tracing: ACTIVE) have no resource-level permissions; AWS requires Resource "*".',
    );
  }

  /** Adds one statement to this function's own role (never a wildcard action). */
  public allow(
    sid: string,
    actions: string[],
    resources: string[],
    conditions?: Record<string, unknown>,
  ): void {
    allow(this, sid, actions, resources, conditions);
  }
}

export const seconds = Duration.seconds;
