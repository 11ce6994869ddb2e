/**
 * cdk-nag (v3: a CDK validation plugin) with the AwsSolutions pack on a fresh app per stage:
 * synthesis must pass and leave no finding, error or warning; every suppression is an
 * acknowledgement in the constructs, with its reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../infra/app.ts';
import { CDK_JSON, STAGES, synthStage } from './synth.ts';

interface ValidationReport {
  pluginReports: { pluginName?: string; summary?: { pluginName?: string }; violations?: unknown[] }[];
}

describe.each(STAGES)('cdk-nag AwsSolutions on stage %s', (stage) => {
  it('synthesises with no unacknowledged error or warning', () => {
    const { app, assembly } = synthStage(stage, { nag: true });

    // What the validation framework reported (an error would already have thrown in synth).
    const report = JSON.parse(
      readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'),
    ) as ValidationReport;
    const nagReports = report.pluginReports.filter((r) => JSON.stringify(r).includes('AwsSolutions'));
    expect(nagReports).toEqual([]);

    // The same pack run directly, for a readable list of anything found.
    const result = new AwsSolutionsChecks().validateScope(app);
    const findings = result.violations.map(
      (v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
    );
    expect(findings).toEqual([]);
    expect(result.success).toBe(true);
  }, 90_000);
});

describe('cdk-nag wiring', () => {
  it('the real app registers the AwsSolutions plugin: an unacknowledged finding fails synthesis', () => {
    const { app, stack } = createApp({
      context: { ...CDK_JSON.context, stage: 'dev', 'aws:cdk:bundling-stacks': [] },
    });
    // A bucket with no access logs and no TLS enforcement: AwsSolutions-S1 and S10.
    new s3.Bucket(stack, 'Careless');
    expect(() => app.synth()).toThrow(/AwsSolutions-S1|Validation failed/);
  }, 60_000);
});
