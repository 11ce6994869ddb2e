/** An in-process local runtime on free ports and a temp data dir, for benchmarks and load runs. */
import '../../infra/local/quiet-powertools.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../infra/local/dynamodb-local.ts';
import { startLocalRuntime } from '../../infra/local/runtime.ts';
import { loadSigningKey, mintToken } from '../../infra/local/tokens.ts';
import type { Role } from '../../shared/auth/principal.ts';

export async function inProcessRuntime(options: { dynamoEndpoint?: string } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-runtime-'));
  const runtime = await startLocalRuntime({
    dataDir,
    httpPort: await freePort(),
    smtpPort: await freePort(),
    tableName: 'lurewatch',
    dynamoEndpoint: options.dynamoEndpoint,
  });
  const key = await loadSigningKey(join(dataDir, 'keys', 'signing-key.json'));
  return {
    ...runtime,
    /** Stops the runtime and deletes its data dir (a 10k load run leaves ~250 MB), unless kept. */
    async stop(options: { keepData?: boolean } = {}) {
      await runtime.stop();
      if (!options.keepData && !process.env.LUREWATCH_KEEP_DATA)
        rmSync(dataDir, { recursive: true, force: true });
    },
    dataDir,
    baseUrl: `http://127.0.0.1:${runtime.httpPort}`,
    token: (role: Role, sub?: string) => mintToken(key, role, { sub }),
    outboxLines: () => {
      try {
        return readFileSync(join(dataDir, 'outbox.jsonl'), 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
