/**
 * The walking skeleton end to end, through the contracts of ARCHITECTURE.md: npm start, HTTP
 * with bearer tokens, SMTP intake, DynamoDB Local Streams, the outbox files, a clean stop and a
 * restart that keeps the data.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');

const maliciousReport = {
  channel: 'whatsapp',
  partnerRef: 'E2E-001',
  tlp: 'AMBER',
  sender: { phones: ['07700 900417'], aliases: ['Abi'] },
  targets: { names: ['Ben Carrow'] },
  text:
    "Hi Ben, it's Abi from the party conference reception last week! So embarrassed you don't remember me 🙈 " +
    'You were so charming. Let’s keep this between us — add me on Signal? Sending you a pic of what you missed x. ' +
    'Can you send me your diary for next week so we can meet somewhere private?',
  attachments: [{ name: 'IMG_0041.jpg', contentType: 'image/jpeg', size: 48211, isImage: true }],
};

const forwardedLure = [
  'From: "CARROW, Ben" <ben.carrow@parliament.uk>',
  'To: report@lurewatch.example',
  'Subject: FW: urgent - your parliamentary account',
  'Message-ID: <e2e-forward-1@parliament.uk>',
  'Date: Tue, 20 Feb 2024 09:00:00 +0000',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'This looks dodgy.',
  '',
  '---------- Forwarded message ---------',
  'From: Parliamentary Digital Service <servicedesk@parliament-secure-login.example>',
  'Date: Tue, 20 Feb 2024 at 08:12',
  'Subject: Action required: re-register your MFA',
  'To: Ben Carrow <ben.carrow@parliament.uk>',
  '',
  'Dear Ben, your account will be suspended today. Re-register your multi-factor authentication now',
  'and confirm your parliamentary password at https://parliament-secure-login.example/mfa/verify',
  '',
].join('\r\n');

describe('local runtime, end to end', () => {
  let runtime: RuntimeProcess;

  beforeAll(async () => {
    runtime = await startRuntimeProcess();
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('refuses a request without a token with 401 problem+json', async () => {
    const response = await fetch(`${runtime.baseUrl}/v1/reports/01HZZZZZZZZZZZZZZZZZZZZZZZ`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('accepts a token minted by `npx lurewatch token`', async () => {
    const token = execFileSync(
      resolve(ROOT, 'bin/lurewatch.mjs'),
      ['token', '--role', 'partner', '--sub', 'met-police'],
      {
        env: { ...process.env, LUREWATCH_DATA_DIR: runtime.dataDir },
        encoding: 'utf8',
      },
    ).trim();
    const response = await fetch(`${runtime.baseUrl}/v1/reports/01HZZZZZZZZZZZZZZZZZZZZZZZ`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
  });

  it('scores a partner report and alerts officers within 2 seconds', async () => {
    const token = await runtime.token('partner', 'met-police');
    const posted = Date.now();
    const response = await fetch(`${runtime.baseUrl}/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(maliciousReport),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect(id).toMatch(/^[0-9A-Z]{26}$/);

    const alert = await eventually(
      () =>
        runtime.outbox().find((line) => line.topic === 'officer-alerts' && String(line.message).includes(id)),
      2000,
    );
    const elapsed = Date.now() - posted;
    console.log(`POST → officer alert in outbox: ${elapsed} ms`);
    expect(alert).toMatchObject({
      topic: 'officer-alerts',
      attributes: { kind: 'report-alert', verdict: 'malicious' },
    });
    expect(typeof alert.publishedAt).toBe('string');

    const report = (await (
      await fetch(`${runtime.baseUrl}/v1/reports/${id}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      status: string;
      assessment: { verdict: string; score: number };
      sender: { phones: string[] };
    };
    expect(report.status).toBe('scored');
    expect(report.assessment.verdict).toBe('malicious');
    expect(report.sender.phones).toEqual(['+447700900417']);
  });

  it('turns a forwarded mail into a scored report and acknowledges the reporter', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: runtime.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await transport.sendMail({
      envelope: { from: 'ben.carrow@parliament.uk', to: ['report@lurewatch.example'] },
      raw: forwardedLure,
    });
    const ack = await eventually(
      () => runtime.sentMail().find((m) => (m.to as string[]).includes('ben.carrow@parliament.uk')),
      5000,
    );
    const id = /\b[0-9A-HJKMNP-TV-Z]{26}\b/.exec(String(ack.text))?.[0];
    expect(id).toBeDefined();
    const officer = await runtime.token('officer', 'duty-officer');
    const report = (await (
      await fetch(`${runtime.baseUrl}/v1/reports/${id}`, { headers: { authorization: `Bearer ${officer}` } })
    ).json()) as {
      channel: string;
      source: { kind: string; reporter: string };
      sender: { emails: string[] };
      assessment: { verdict: string };
    };
    expect(report.source).toMatchObject({ kind: 'email-forward', reporter: 'ben.carrow@parliament.uk' });
    expect(report.sender.emails).toEqual(['servicedesk@parliament-secure-login.example']);
    expect(report.assessment.verdict).not.toBe('benign');
  });

  it('refuses mail for any other address at the SMTP level', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: runtime.smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    await expect(
      transport.sendMail({
        envelope: { from: 'x@parliament.uk', to: ['someone@lurewatch.example'] },
        raw: forwardedLure,
      }),
    ).rejects.toThrow(/550/);
  });

  it('stops cleanly on SIGTERM and keeps its data across a restart', async () => {
    const token = await runtime.token('partner', 'met-police');
    const response = await fetch(`${runtime.baseUrl}/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...maliciousReport, partnerRef: 'E2E-RESTART' }),
    });
    const { id } = (await response.json()) as { id: string };
    await eventually(() => runtime.outbox().find((l) => String(l.message).includes(id)), 3000);
    expect(await runtime.stop('SIGTERM')).toBe(0);
    expect(runtime.output()).toMatch(/stopped/);

    const alertsBefore = runtime.outbox().length;
    runtime = await startRuntimeProcess({ dataDir: runtime.dataDir });
    const again = await fetch(`${runtime.baseUrl}/v1/reports/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { assessment: { verdict: string } }).assessment.verdict).toBe(
      'malicious',
    );
    // The stream checkpoint survived too: nothing was scored or alerted twice after the restart.
    await new Promise((r) => setTimeout(r, 1000));
    expect(runtime.outbox().length).toBe(alertsBefore);
  });
});
