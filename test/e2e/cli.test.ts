/** The `lurewatch` binary's contracts (ARCHITECTURE.md), run as a newcomer runs it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CORPUS = resolve(ROOT, '../shared/corpus/messages');
const BIN = resolve(ROOT, 'bin/lurewatch.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'lw-cli-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, LUREWATCH_DATA_DIR: dataDir },
    encoding: 'utf8',
  });

describe('lurewatch token', () => {
  it('mints tokens with each role’s scopes and groups', () => {
    const partner = decodeJwt(run('token', '--role', 'partner', '--sub', 'met-police').stdout.trim());
    expect(partner).toMatchObject({ client_id: 'met-police', token_use: 'access' });
    expect(String(partner.scope).split(' ')).toContain('lurewatch/reports.write');
    const officer = decodeJwt(run('token', '--role', 'officer').stdout.trim());
    expect(officer['cognito:groups']).toEqual(['security-officers']);
    expect(String(officer.scope)).toContain('lurewatch/broadcasts.send');
    const member = decodeJwt(run('token', '--role', 'member').stdout.trim());
    expect(member['cognito:groups']).toEqual(['members']);
  });

  it('refuses an unknown role with a usage message', () => {
    const result = run('token', '--role', 'admin');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--role must be one of partner, officer, member/);
  });
});

describe('lurewatch score', () => {
  it('prints one JSON line per file with the contract fields, for .eml, .txt and .json', () => {
    const json = join(dataDir, 'partner.json');
    writeFileSync(
      json,
      JSON.stringify({
        channel: 'sms',
        sender: { phones: ['07700 900123'] },
        text: 'Hi, it is Abi from the conference drinks, so embarrassed you do not remember me! Add me on Signal x',
      }),
    );
    const files = [join(CORPUS, 'm14.eml'), join(CORPUS, 'm06.txt'), json];
    const out = execFileSync(process.execPath, [BIN, 'score', ...files], {
      env: { ...process.env, LUREWATCH_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => {
      expect(line.file).toBe(files[i]);
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(100);
      expect(['benign', 'suspicious', 'malicious']).toContain(line.verdict);
      expect(typeof line.category).toBe('string');
      for (const indicator of line.indicators) {
        expect(Object.keys(indicator)).toEqual(expect.arrayContaining(['id', 'weight', 'evidence']));
      }
    });
    // m14 is a labelled honey trap and m06 a WhatsApp honey trap: neither may pass as benign.
    expect(lines[0].verdict).not.toBe('benign');
    expect(lines[1].verdict).not.toBe('benign');
  });

  it('reports an unreadable file on its own line and goes on with the rest', () => {
    const result = run('score', join(dataDir, 'missing.eml'), join(CORPUS, 'm14.eml'));
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ file: join(dataDir, 'missing.eml') });
    expect(lines[0].error).toBeTruthy();
    expect(lines[1].verdict).toBeDefined();
  });

  it('asks for files when given none', () => {
    expect(run('score').status).toBe(2);
  });
});
