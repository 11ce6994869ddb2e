/**
 * `lurewatch token --role partner|officer|member [--sub NAME]`: a bearer token the local runtime
 * accepts. `lurewatch score FILE...`: scores files offline, one JSON line per file.
 * `lurewatch roster import FILE`: the roster CSV into roster.json and the subscriptions.
 */
import { parseArgs } from 'node:util';
import type { Role } from '../../shared/auth/principal.ts';
import { dataDir, paths } from './data-dir.ts';
import { loadSigningKey, mintToken } from './tokens.ts';

const USAGE = `usage:
  lurewatch token --role partner|officer|member [--sub NAME] [--expires 12h]
  lurewatch score FILE...
  lurewatch roster import FILE [--dry-run]   (CSV: name,role,party,email,mobile)`;

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

/**
 * Validates the roster CSV, writes $LUREWATCH_DATA_DIR/roster.json (what broadcasts and
 * campaign severity read), and brings the local member-warnings subscriptions in line with it.
 */
async function roster(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean' } },
  });
  const [action, file, ...extra] = positionals;
  if (action !== 'import' || !file || extra.length)
    throw new UsageError('roster import needs exactly one FILE');
  const { readFile } = await import('node:fs/promises');
  const { RosterImportError } = await import('../../shared/roster/roster.ts');
  const { RosterFile } = await import('../../shared/roster/roster-file.ts');
  const { FileSubscriptionDirectory } = await import('../../shared/roster/file-subscription-directory.ts');
  const { syncSubscriptions } = await import('../../shared/roster/subscriptions.ts');
  const { importRoster } = await import('../../shared/usecases/import-roster.ts');
  const root = dataDir();
  const store = new RosterFile(`${root}/roster.json`);
  const dryRun = values['dry-run'] === true;
  let imported: Awaited<ReturnType<typeof importRoster>>;
  try {
    imported = await importRoster(
      { store, now: () => new Date() },
      {
        csv: await readFile(file, 'utf8'),
        importedBy: `cli:${process.env.USER ?? 'unknown'}`,
        source: file,
        dryRun,
        defaultRegion: process.env.LUREWATCH_PHONE_REGION ?? 'GB',
      },
    );
  } catch (error) {
    if (error instanceof RosterImportError) {
      console.error(`lurewatch: ${file}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  // Locally the subscriptions follow at once; in AWS the table stream starts functions/roster-sync.
  const plan = await syncSubscriptions(
    new FileSubscriptionDirectory(`${root}/subscriptions.json`),
    imported.roster,
    { dryRun },
  );
  console.log(
    JSON.stringify({
      roster: dryRun ? null : `${root}/roster.json`,
      entries: imported.summary.entries,
      audiences: imported.summary.audiences,
      subscriptions: {
        added: plan.add.length,
        removed: plan.remove.length,
        unchanged: plan.unchanged,
        failed: plan.failed,
      },
      dryRun,
    }),
  );
}

class UsageError extends Error {}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === 'token') return token(rest);
  if (command === 'score') return score(rest);
  if (command === 'roster') return roster(rest);
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
