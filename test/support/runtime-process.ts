/**
 * Runs the local runtime exactly as a newcomer does (`npm start` → tsx infra/local/main.ts) in a
 * child process with its own ports and data dir, and waits for its "ready" line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../infra/local/dynamodb-local.ts';
import { loadSigningKey, mintToken } from '../../infra/local/tokens.ts';
import type { Role } from '../../shared/auth/principal.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RuntimeProcess {
  baseUrl: string;
  smtpPort: number;
  dataDir: string;
  output: () => string;
  token: (role: Role, sub?: string) => Promise<string>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
  outbox: () => Array<Record<string, unknown>>;
  sentMail: () => Array<Record<string, unknown>>;
  deadLetters: () => Array<Record<string, unknown>>;
}

function stopOrphanedDynamoDb(pidFile: string) {
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8')), 'SIGKILL');
  } catch {
    // Already gone.
  }
}

const readJsonLines = (file: string) => {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  } catch {
    return [];
  }
};

export async function startRuntimeProcess(
  options: { dataDir?: string; httpPort?: number; smtpPort?: number; env?: Record<string, string> } = {},
): Promise<RuntimeProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'lurewatch-e2e-'));
  const httpPort = options.httpPort ?? (await freePort());
  const smtpPort = options.smtpPort ?? (await freePort());
  // Node itself with tsx's loader (what `npm start` runs through the tsx CLI, minus the CLI's own
  // parent process): a SIGKILL then kills the runtime, not just a wrapper around it.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(httpPort),
      SMTP_PORT: String(smtpPort),
      LUREWATCH_DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const deadline = Date.now() + 90_000;
  while (!/\bready\b/.test(output)) {
    if (child.exitCode !== null) throw new Error(`runtime exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`runtime not ready in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl: `http://127.0.0.1:${httpPort}`,
    smtpPort,
    dataDir,
    output: () => output,
    token: async (role, sub) =>
      mintToken(await loadSigningKey(join(dataDir, 'keys', 'signing-key.json')), role, { sub }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      const code = await exited;
      // A killed runtime cannot stop its DynamoDB Local; do it for it (a restart would too).
      if (signal === 'SIGKILL') stopOrphanedDynamoDb(join(dataDir, 'dynamodb', 'dynamodb-local.pid'));
      return code;
    },
    outbox: () => readJsonLines(join(dataDir, 'outbox.jsonl')),
    sentMail: () => readJsonLines(join(dataDir, 'sent-mail.jsonl')),
    deadLetters: () => readJsonLines(join(dataDir, 'dead-letters.jsonl')),
  };
}

/** Polls until the check returns a value (not undefined), or fails with the last state. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
