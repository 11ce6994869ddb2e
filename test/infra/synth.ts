/**
 * Test helpers: synthesise the real app (infra/app.ts) for a stage with the context of the
 * real cdk.json, optionally without bundling (the assertion tests do not need the bundles).
 */
import { readFileSync } from 'node:fs';
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { createApp } from '../../infra/app.ts';
import type { LurewatchStack } from '../../infra/stack.ts';

export const CDK_JSON = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  app: string;
  context: Record<string, unknown> & { stages: Record<string, unknown> };
};
export const STAGES = Object.keys(CDK_JSON.context.stages);

export interface SynthOptions {
  /** Bundle the functions with esbuild (slow-ish); default false. */
  bundle?: boolean;
  /** Register the cdk-nag AwsSolutions plugin, as the real app does; default false. */
  nag?: boolean;
  outdir?: string;
  /** Extra context, e.g. to override a stage's config. */
  context?: Record<string, unknown>;
}

export interface Synthesised {
  app: App;
  stack: LurewatchStack;
  assembly: CloudAssembly;
  template: Template;
}

export function synthStage(stage: string, options: SynthOptions = {}): Synthesised {
  const { app, stack } = createApp({
    nag: options.nag ?? false,
    outdir: options.outdir,
    context: {
      ...CDK_JSON.context,
      stage,
      // An empty list tells CDK to bundle no stack's assets.
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
  const assembly = app.synth();
  return { app, stack, assembly, template: Template.fromStack(stack) };
}

type Resource = { Type: string; Properties: Record<string, unknown>; [k: string]: unknown };

/** The one resource of a type whose logical id starts with a prefix (the construct path). */
export function resourceByPrefix(template: Template, type: string, prefix: string): [string, Resource] {
  const found = Object.entries(template.findResources(type) as Record<string, Resource>).filter(([id]) =>
    id.startsWith(prefix),
  );
  if (found.length !== 1) {
    throw new Error(`expected one ${type} with a logical id starting ${prefix}, found ${found.length}`);
  }
  return found[0]!;
}

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/** The statements of the identity policy attached to a role (by the role's logical-id prefix). */
export function roleStatements(template: Template, rolePrefix: string): Statement[] {
  const [roleId] = resourceByPrefix(template, 'AWS::IAM::Role', rolePrefix);
  const policies = Object.values(
    template.findResources('AWS::IAM::Policy') as Record<string, Resource>,
  ).filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]));
  return policies.flatMap(
    (p) => (p.Properties.PolicyDocument as { Statement: Statement[] } | undefined)?.Statement ?? [],
  );
}
