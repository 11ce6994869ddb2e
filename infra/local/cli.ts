/**
 * `lurewatch token --role partner|officer|member [--sub NAME]`: a bearer token the local runtime
 * accepts. `lurewatch score FILE...`: scores files offline, one JSON line per file.
 */
import { parseArgs } from 'node:util';
import type { Role } from '../../shared/auth/principal.ts';
import { dataDir, paths } from './data-dir.ts';
import { loadSigningKey, mintToken } from './tokens.ts';

const USAGE = `usage:
  lurewatch token --role partner|officer|member [--sub NAME] [--expires 12h]
  lurewatch score FILE...`;

const ROLES: Role[] = ['partner', 'officer', 'member'];

async function token(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { role: { type: 'string' }, sub: { type: 'string' }, expires: { type: 'string' } },
  });
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const key = await loadSigningKey(paths(dataDir()).signingKey);
  console.log(await mintToken(key, role, { sub: values.sub, expiresIn: values.expires }));
}

async function score(files: string[]) {
  if (files.length === 0) throw new UsageError('score needs at least one file');
  const { scoreFiles, formatScoreLine } = await import('../../shared/cli/score.ts');
  for (const line of await scoreFiles(files)) console.log(formatScoreLine(line));
}

class UsageError extends Error {}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === 'token') return token(rest);
  if (command === 'score') return score(rest);
  throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`lurewatch: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`lurewatch: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
