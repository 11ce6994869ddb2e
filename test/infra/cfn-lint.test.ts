/**
 * `npm run synth` for every stage in cdk.json (the real CLI, offline, functions bundled by the
 * local esbuild), then cfn-lint on each template: no errors; warnings are printed. cfn-lint is
 * a Python tool: `pip install cfn-lint` (CI installs it).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER } from '../../infra/bundling.ts';
import { STAGES } from './synth.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd = ROOT): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface LintMatch {
  Level: 'Error' | 'Warning' | 'Informational';
  Rule: { Id: string };
  Message: string;
  Location: { Path: (string | number)[] };
}

/** Every function's bundle stays under this; today they are 490–640 KiB. */
const BUNDLE_BUDGET_BYTES = 768 * 1024;

const cfnLintVersion = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
const cfnLintMissing = cfnLintVersion.error !== undefined || cfnLintVersion.status !== 0;

const outRoot = mkdtempSync(join(tmpdir(), 'lurewatch-synth-'));
const synths = new Map<string, Run & { outdir: string; ms: number }>();
const lints = new Map<string, Run>();

const templateOf = (stage: string) => join(outRoot, stage, `Lurewatch-${stage}.template.json`);

beforeAll(async () => {
  // All stages at once, each one CLI start plus three esbuild bundles, then its lint.
  await Promise.all(
    STAGES.map(async (stage) => {
      const outdir = join(outRoot, stage);
      const started = Date.now();
      const result = await run('npm', ['run', 'synth', '--', '-c', `stage=${stage}`, '-o', outdir]);
      synths.set(stage, { ...result, outdir, ms: Date.now() - started });
      if (result.code === 0 && !cfnLintMissing) {
        lints.set(stage, await run('cfn-lint', ['--format', 'json', '--', templateOf(stage)]));
      }
    }),
  );
}, 300_000);

afterAll(() => {
  rmSync(outRoot, { recursive: true, force: true });
});

describe('cfn-lint is available', () => {
  it('is installed (pip install cfn-lint)', () => {
    expect(
      cfnLintMissing,
      'cfn-lint was not found on PATH: install it with `pip install cfn-lint` (CI installs it)',
    ).toBe(false);
  });
});

describe.each(STAGES)('stage %s', (stage) => {
  const template = () => templateOf(stage);

  it('synthesises offline with `npm run synth`, bundling locally (no Docker)', () => {
    const synth = synths.get(stage)!;
    const output = synth.stdout + synth.stderr;
    expect(synth.code, output).toBe(0);
    expect(output).not.toMatch(/Switching to Docker|docker run/i);
    expect(existsSync(template())).toBe(true);
    console.info(`[synth] ${stage}: ${synth.ms} ms`);
  });

  it('bundles each function as a minified ESM file with a source map and the require banner', () => {
    const resources = JSON.parse(readFileSync(template(), 'utf8')).Resources as Record<
      string,
      { Type: string; Metadata?: Record<string, string> }
    >;
    const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
    expect(functions).toHaveLength(4);
    for (const [id, fn] of functions) {
      const assetDir = join(synths.get(stage)!.outdir, fn.Metadata!['aws:asset:path']!);
      const bundle = join(assetDir, 'index.mjs');
      expect(existsSync(bundle), `${id}: ${bundle}`).toBe(true);
      expect(existsSync(`${bundle}.map`)).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code.startsWith(ESM_REQUIRE_BANNER)).toBe(true);
      expect(code).toContain('//# sourceMappingURL=index.mjs.map');
      const kib = (statSync(bundle).size / 1024).toFixed(0);
      const mapKib = (statSync(`${bundle}.map`).size / 1024).toFixed(0);
      console.info(`[bundle] ${stage} ${id}: index.mjs ${kib} KiB, map ${mapKib} KiB`);
      // A size budget, not a timing: each bundle stays well under 1 MB (see infra/bundling.ts).
      expect(statSync(bundle).size, `${id} bundle size`).toBeLessThan(BUNDLE_BUDGET_BYTES);
    }
  });

  it('passes cfn-lint with no errors', () => {
    expect(cfnLintMissing, 'cfn-lint is not installed: nothing linted').toBe(false);
    const result = lints.get(stage);
    expect(result, 'synth failed, nothing to lint').toBeDefined();
    // Exit status is a bit mask: 2 errors, 4 warnings, 8 informational; 1 means cfn-lint itself failed.
    expect(result!.code === null || (result!.code & 1) === 1, result!.stderr).toBe(false);
    const matches = JSON.parse(result!.stdout || '[]') as LintMatch[];
    for (const m of matches.filter((m) => m.Level !== 'Error')) {
      console.warn(`[cfn-lint] ${stage} ${m.Level} ${m.Rule.Id} ${m.Location.Path.join('/')}: ${m.Message}`);
    }
    const errors = matches
      .filter((m) => m.Level === 'Error')
      .map((m) => `${m.Rule.Id} ${m.Location.Path.join('/')}: ${m.Message}`);
    expect(errors).toEqual([]);
  });
});
