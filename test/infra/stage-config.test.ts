import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { parseStageConfig, stageConfigFromContext } from '../../infra/stage-config.ts';
import { CDK_JSON, STAGES } from './synth.ts';

const minimal = {
  region: 'eu-west-1',
  reportAddress: 'report@lw.example',
  reportDomain: 'lw.example',
  reporterDomains: ['parliament.uk'],
  protectedDomains: ['parliament.uk'],
  authDomainPrefix: 'lw-test',
  officerCallbackUrls: ['https://console.lw.example/cb'],
  removalPolicy: 'destroy',
};

describe('stage config', () => {
  it('cdk.json defines dev and prod, both valid', () => {
    expect(STAGES).toEqual(expect.arrayContaining(['dev', 'prod']));
    for (const stage of STAGES) {
      expect(() => parseStageConfig(stage, CDK_JSON.context.stages[stage])).not.toThrow();
    }
  });

  it('defaults to dev and fills derived values', () => {
    const app = new App({ context: { stages: { dev: minimal } } });
    const config = stageConfigFromContext(app.node);
    expect(config).toMatchObject({
      stage: 'dev',
      prefix: 'lurewatch-dev',
      ackSenderAddress: 'no-reply@lw.example',
      createSesIdentity: true,
      partnerClients: [],
      retentionDays: { rawMail: 30, logs: 90, deadLetters: 14 },
      extraEnvironment: {},
    });
    expect(config.account).toBeUndefined();
  });

  it('normalises partner names to clients with the partner scopes', () => {
    const config = parseStageConfig('dev', {
      ...minimal,
      partnerClients: ['police', { name: 'ncsc', scopes: ['reports.write'] }],
    });
    expect(config.partnerClients).toEqual([
      { name: 'police', scopes: ['reports.write', 'reports.read', 'campaigns.read'] },
      { name: 'ncsc', scopes: ['reports.write'] },
    ]);
  });

  it.each([
    ['an unknown key', { ...minimal, colour: 'blue' }, /colour/],
    [
      'a report address off the report domain',
      { ...minimal, reportAddress: 'report@else.example' },
      /reportAddress/,
    ],
    ['a malformed account', { ...minimal, account: '12345' }, /twelve digits/],
    [
      'an unknown scope',
      { ...minimal, partnerClients: [{ name: 'x1', scopes: ['root'] }] },
      /partnerClients\[0\]\.scopes/,
    ],
    ['duplicate partners', { ...minimal, partnerClients: ['police', 'police'] }, /unique/],
    ['a bad removal policy', { ...minimal, removalPolicy: 'maybe' }, /removalPolicy/],
    [
      'a reserved extra env name',
      { ...minimal, extraEnvironment: { LUREWATCH_REPORT_ADDRESS: 'x@y.z' } },
      /set by the stack/,
    ],
    [
      'a non-LUREWATCH extra env name',
      { ...minimal, extraEnvironment: { AWS_REGION: 'x' } },
      /extraEnvironment\.AWS_REGION/,
    ],
  ])('rejects %s', (_, raw, message) => {
    expect(() => parseStageConfig('dev', raw)).toThrow(message);
  });

  it('names the known stages when asked for an unknown one', () => {
    const app = new App({ context: { stage: 'qa', stages: { dev: minimal, prod: minimal } } });
    expect(() => stageConfigFromContext(app.node)).toThrow(/unknown stage "qa": cdk.json defines dev, prod/);
  });
});
