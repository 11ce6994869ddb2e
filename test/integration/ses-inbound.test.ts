/**
 * The ses-inbound handler against DynamoDB Local and the file-backed raw-mail store: trust,
 * quarantine, exactly-once on a repeated SES invocation, and unreadable mail kept with a reason.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSesInboundHandler, RAW_MAIL_PREFIX } from '../../functions/ses-inbound/handler.ts';
import { localDependencies } from '../../infra/local/dependencies.ts';
import { localLambdaContext } from '../../infra/local/lambda-context.ts';
import { type LocalVerdicts, sesReceiptEvent } from '../../infra/local/ses-event.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import { deterministicUlid } from '../../shared/domain/ids.ts';
import { freshTable } from '../support/dynamodb.ts';

const PASS: LocalVerdicts = { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS', virus: 'PASS', spam: 'PASS' };

const forward = (from: string) =>
  Buffer.from(
    [
      `From: ${from}`,
      'To: report@lurewatch.example',
      'Subject: FW: odd message',
      'Date: Mon, 19 Feb 2024 14:37:02 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Got this last night.',
      '',
      '---------- Forwarded message ---------',
      'From: Abi <abi.lawson@lure-mail.test>',
      'Date: Sun, 18 Feb 2024 at 23:10',
      'Subject: hello again',
      'To: Ben Carrow <ben.carrow@parliament.uk>',
      '',
      "Ben! It's Abi from the conference reception. So embarrassed you don't remember me.",
      '',
    ].join('\r\n'),
  );

describe('ses-inbound on DynamoDB Local', () => {
  let deps: ReturnType<typeof localDependencies>;
  let repository: DynamoReportRepository;
  let dataDir: string;
  let handler: ReturnType<typeof buildSesInboundHandler>;
  let counter = 0;

  beforeAll(async () => {
    const table = await freshTable('ses');
    dataDir = mkdtempSync(join(tmpdir(), 'lw-ses-'));
    deps = localDependencies({ dataDir, endpoint: table.endpoint, tableName: table.tableName, env: {} });
    repository = new DynamoReportRepository(table.db, table.tableName);
    handler = buildSesInboundHandler(() => deps);
  });

  async function deliver(raw: Buffer, verdicts = PASS, envelopeFrom = 'ben.carrow@parliament.uk') {
    const messageId = `ses-test-${++counter}-${Date.now()}`;
    await deps.rawMail.put(`${RAW_MAIL_PREFIX}${messageId}`, raw);
    const receivedAt = new Date();
    const event = sesReceiptEvent({
      messageId,
      envelopeFrom,
      recipients: ['report@lurewatch.example'],
      raw,
      verdicts,
      receivedAt,
      functionArn: 'arn:local',
    });
    await handler(event, localLambdaContext('ses-inbound'));
    const id = deterministicUlid(
      new Date(event.Records[0]!.ses.mail.timestamp).getTime(),
      `ses:${messageId}`,
    );
    return { event, id, report: await repository.get(id) };
  }

  it('stores a trusted forward as a report of the original, awaiting scoring', async () => {
    const { report } = await deliver(forward('"CARROW, Ben" <ben.carrow@parliament.uk>'));
    expect(report).toMatchObject({
      status: 'received',
      channel: 'email',
      source: { kind: 'email-forward', reporter: 'ben.carrow@parliament.uk' },
      sender: { emails: ['abi.lawson@lure-mail.test'] },
    });
    expect(report!.sender.emails).not.toContain('ben.carrow@parliament.uk');
    expect(report!.source.kind === 'email-forward' && report!.source.rawMailKey).toMatch(/^inbound\//);
  });

  it('gives one report when SES invokes twice for the same message', async () => {
    const first = await deliver(forward('ben.carrow@parliament.uk'));
    await handler(first.event, localLambdaContext('ses-inbound'));
    const again = await repository.get(first.id);
    expect(again).toEqual(first.report);
  });

  it('quarantines a forward from outside the reporter domains, with the reason', async () => {
    const { report } = await deliver(forward('someone@gmail.example'), PASS, 'someone@gmail.example');
    expect(report?.status).toBe('quarantined');
    expect(report?.statusReason).toMatch(/not one of the trusted reporter domains/);
  });

  it('quarantines a forward whose SPF and DKIM both failed (a spoofed member)', async () => {
    const { report } = await deliver(forward('ben.carrow@parliament.uk'), {
      ...PASS,
      spf: 'FAIL',
      dkim: 'FAIL',
    });
    expect(report?.status).toBe('quarantined');
    expect(report?.statusReason).toMatch(/neither SPF .* nor DKIM/);
  });

  it('quarantines a virus without parsing it', async () => {
    const { report } = await deliver(forward('ben.carrow@parliament.uk'), { ...PASS, virus: 'FAIL' });
    expect(report).toMatchObject({
      status: 'quarantined',
      statusReason: expect.stringMatching(/virus/),
      text: '',
    });
  });

  it('keeps unreadable mail as unparseable with the reason, and tells the reporter', async () => {
    const parts = Array.from({ length: 10_000 }, () => '--b\r\nContent-Type: text/plain\r\n\r\nx\r\n').join(
      '',
    );
    const raw = Buffer.from(
      `From: ben.carrow@parliament.uk\r\nTo: report@lurewatch.example\r\nSubject: many parts\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${parts}--b--\r\n`,
    );
    const { report, id } = await deliver(raw);
    expect(report?.status).toBe('unparseable');
    expect(report?.statusReason).toBeTruthy();
    const sent = readFileSync(join(dataDir, 'sent-mail.jsonl'), 'utf8');
    expect(sent).toContain(id);
  });
});
