/**
 * How each function is bundled, shared by the CDK construct and `npm run bench` (which reports
 * the sizes and module-init times of exactly these bundles).
 */
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** Lets bundled CommonJS dependencies call `require` from the ESM output. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __lurewatchCreateRequire } from 'node:module'; const require = __lurewatchCreateRequire(import.meta.url);";

/**
 * The nodejs22.x runtime ships the AWS SDK v3, so it stays out of the bundle: ~400 KB less to
 * load on every cold start. The integration tests run the same SDK major version.
 */
export const EXTERNAL_MODULES = ['@aws-sdk/*', '@smithy/*'];

/*
 * Also kept small by how the code imports: `import * as z from 'zod'` (not `import { z }`), so
 * esbuild can drop zod's 60-odd locales (443 KB → 99 KB per bundle).
 */

/** iconv-lite's code-page tables (~480 KB) replaced by Node's own TextDecoder. */
export const ALIASES: Record<string, string> = {
  'iconv-lite': resolve(ROOT, 'shared/intake/mail/iconv-lite-shim.ts'),
};
