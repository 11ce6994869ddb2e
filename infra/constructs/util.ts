import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IConstruct } from 'constructs';
import type { StageConfig } from '../stage-config.ts';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** An absolute path inside the repository. */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}

/**
 * Records a justified cdk-nag suppression (cdk-nag 3: a CDK validation acknowledgement) on one
 * construct and everything below it. Keep the scope as narrow as the finding allows.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

export function removalPolicyOf(config: StageConfig): RemovalPolicy {
  return config.removalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}

/** The CloudWatch Logs retention value for a number of days (must be one CloudWatch accepts). */
export function logRetention(days: number): logs.RetentionDays {
  const allowed = Object.values(logs.RetentionDays).filter((v): v is number => typeof v === 'number');
  if (!allowed.includes(days)) {
    throw new Error(`log retention of ${days} days is not a CloudWatch Logs value (${allowed.join(', ')})`);
  }
  return days as logs.RetentionDays;
}

/** Key use for a service principal, spelled out: never `kms:*`-style wildcards. */
export function allowServiceToUseKey(
  key: kms.IKey,
  sid: string,
  service: string,
  actions: string[],
  conditions?: Record<string, unknown>,
): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid,
      principals: [new iam.ServicePrincipal(service)],
      actions,
      resources: ['*'],
      conditions,
    }),
  );
}
