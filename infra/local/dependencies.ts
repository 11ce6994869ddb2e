/** The composition root for the local runtime: local adapters behind the same ports. */
import {
  type Dependencies,
  rosterDependencies,
  tableDependencies,
} from '../../functions/commons/dependencies.ts';
import { documentClient, localClientConfig } from '../../shared/adapters/dynamodb/client.ts';
import { FileMailer } from '../../shared/adapters/local/file-mailer.ts';
import { FileRawMailStore } from '../../shared/adapters/local/file-raw-mail-store.ts';
import { OutboxNotifier } from '../../shared/adapters/local/outbox-notifier.ts';
import { broadcastPolicyFromEnv } from '../../shared/broadcast/broadcast-service.ts';
import { loadConfig } from '../../shared/config.ts';
import { paths } from './data-dir.ts';
import { parseFaults, withFaults } from './faults.ts';

export function localDependencies(options: {
  dataDir: string;
  endpoint: string;
  tableName: string;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}): Dependencies {
  const p = paths(options.dataDir);
  // The roster lives in the data dir unless the environment says otherwise.
  const env: NodeJS.ProcessEnv = { LUREWATCH_DATA_DIR: p.root, ...(options.env ?? process.env) };
  const config = loadConfig(env);
  const deps: Dependencies = {
    config,
    ...tableDependencies(documentClient(localClientConfig(options.endpoint)), options.tableName),
    notifier: new OutboxNotifier(p.outbox, options.log),
    mailer: new FileMailer(
      p.sentMail,
      `lurewatch <no-reply@${config.reportAddress.split('@')[1] ?? 'localhost'}>`,
      options.log,
    ),
    rawMail: new FileRawMailStore(p.rawMail),
    ...rosterDependencies(config, env, (error) => options.log?.(`roster file unreadable: ${error.message}`)),
    broadcastPolicy: broadcastPolicyFromEnv(env, config.reportAddress),
    now: () => new Date(),
  };
  const faults = parseFaults(env.LUREWATCH_FAULTS);
  if (faults) options.log?.(`fault injection on: ${JSON.stringify(faults)}`);
  return faults ? withFaults(deps, faults) : deps;
}
