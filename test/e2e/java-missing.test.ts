import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm start without Java', () => {
  it('says Java is missing and how to install it, and exits non-zero', () => {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'infra/local/main.ts'],
      {
        cwd: ROOT,
        // No directory on PATH holds `java`.
        env: {
          ...process.env,
          PATH: '/nonexistent',
          LUREWATCH_DATA_DIR: mkdtempSync(join(tmpdir(), 'lw-nojava-')),
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Java');
    expect(result.stderr).toContain('apt-get install -y openjdk-17-jre-headless');
    expect(result.stdout).not.toMatch(/\bready\b/);
  });
});
