/**
 * The CDK app (cdk.json: `npx tsx infra/app.ts`). One stack per invocation, for the stage named
 * by `-c stage=<name>` (default dev), configured from cdk.json `context.stages.<name>`.
 * cdk-nag's AwsSolutions pack runs as a CDK validation plugin: an unacknowledged error fails synth.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LurewatchStack } from './stack.ts';
import { stageConfigFromContext } from './stage-config.ts';

export interface CreateAppOptions extends AppProps {
  /** Run the AwsSolutions checks during synth (default true). */
  readonly nag?: boolean;
}

export function createApp(options: CreateAppOptions = {}): { app: App; stack: LurewatchStack } {
  const { nag = true, ...appProps } = options;
  const app = new App(appProps);
  const config = stageConfigFromContext(app.node);
  const stack = new LurewatchStack(app, `Lurewatch-${config.stage}`, { config });
  if (nag) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}

const invokedDirectly =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  createApp().app.synth();
}
