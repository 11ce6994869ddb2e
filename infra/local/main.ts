/**
 * `npm start`: the local runtime. Env: PORT (HTTP, 3000), SMTP_PORT (2525), LUREWATCH_DATA_DIR
 * (.lurewatch). Prints "ready" when it accepts traffic; stops cleanly on SIGINT/SIGTERM.
 */
import './quiet-powertools.ts';
import { dataDir, LOCAL_TABLE_NAME } from './data-dir.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { startLocalRuntime } from './runtime.ts';

const log = (line: string) => console.log(`[lurewatch] ${line}`);

async function main() {
  const root = dataDir();
  const httpPort = Number(process.env.PORT ?? 3000);
  const smtpPort = Number(process.env.SMTP_PORT ?? 2525);
  const verdict = (process.env.LUREWATCH_LOCAL_SES_VERDICT ?? 'PASS').toUpperCase() as 'PASS';
  let runtime: Awaited<ReturnType<typeof startLocalRuntime>>;
  try {
    runtime = await startLocalRuntime({
      dataDir: root,
      httpPort,
      smtpPort,
      tableName: LOCAL_TABLE_NAME,
      sesVerdict: verdict,
      log,
    });
  } catch (error) {
    if (error instanceof JavaMissingError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await runtime.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  log(
    `ready: http://127.0.0.1:${runtime.httpPort}/v1  smtp://127.0.0.1:${runtime.smtpPort}  data ${root}  dynamodb ${runtime.dynamoEndpoint}`,
  );
}

main().catch((error) => {
  console.error(`[lurewatch] failed to start: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
