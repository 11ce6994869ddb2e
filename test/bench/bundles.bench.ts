/**
 * Bundle size and module initialisation time of each function (a proxy for cold start), built
 * with the CDK construct's settings (infra/bundling.ts): esbuild, ESM, minified, AWS SDK v3
 * external (the nodejs22.x runtime provides it).
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { ALIASES, ESM_REQUIRE_BANNER, EXTERNAL_MODULES } from '../../infra/bundling.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const FUNCTIONS = ['api', 'ses-inbound', 'score-stream', 'roster-sync'] as const;

export async function benchBundles(): Promise<Record<string, number | string>> {
  // Inside the repo, so the externals (the AWS SDK the Lambda runtime provides) resolve from node_modules.
  const out = join(ROOT, 'node_modules', '.cache', 'lurewatch-bundles');
  mkdirSync(out, { recursive: true });
  const figures: Record<string, number | string> = {};
  for (const name of FUNCTIONS) {
    const outfile = join(out, name, 'index.mjs');
    const result = await build({
      entryPoints: [join(ROOT, 'functions', name, 'handler.ts')],
      bundle: true,
      minify: true,
      sourcemap: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      outfile,
      external: EXTERNAL_MODULES,
      alias: ALIASES,
      banner: { js: ESM_REQUIRE_BANNER },
      metafile: true,
      logLevel: 'silent',
    });
    const size = statSync(outfile).size;
    // The three biggest inputs say what dominates the bundle.
    const inputs = Object.entries(
      result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith('.mjs'))!]!.inputs,
    )
      .map(([path, v]) => [path.replace(/^.*node_modules\//, ''), v.bytesInOutput] as const)
      .reduce<Record<string, number>>((acc, [path, bytes]) => {
        const pkg = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!;
        acc[pkg] = (acc[pkg] ?? 0) + bytes;
        return acc;
      }, {});
    const top = Object.entries(inputs)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([pkg, bytes]) => `${pkg} ${(bytes / 1024).toFixed(0)} KB`)
      .join(', ');
    // Module init in a fresh Node process, as a cold start would pay it (median of 5).
    const probe = join(out, name, 'probe.mjs');
    writeFileSync(
      probe,
      `const t=performance.now();await import('./index.mjs');console.log(performance.now()-t);`,
    );
    const times = Array.from({ length: 5 }, () =>
      Number(
        execFileSync(process.execPath, [probe], {
          cwd: ROOT,
          env: { ...process.env, TABLE_NAME: 'bench' },
        }).toString(),
      ),
    ).sort((a, b) => a - b);
    figures[`${name} bundle KB`] = Math.round(size / 102.4) / 10;
    figures[`${name} init ms (median of 5)`] = Math.round(times[2]! * 10) / 10;
    figures[`${name} largest inputs`] = top;
  }
  return figures;
}
