/** The composition root for the local runtime: local adapters behind the same ports. */

import type { Dependencies } from '../../functions/commons/dependencies.ts';
import { documentClient, localClientConfig } from '../../shared/adapters/dynamodb/client.ts';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import { FileMailer } from '../../shared/adapters/local/file-mailer.ts';
import { FileRawMailStore } from '../../shared/adapters/local/file-raw-mail-store.ts';
import { OutboxNotifier } from '../../shared/adapters/local/outbox-notifier.ts';
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
  const db = documentClient(localClientConfig(options.endpoint));
  const config = loadConfig(options.env ?? process.env);
  const deps: Dependencies = {
    config,
    repository: new DynamoReportRepository(db, options.tableName),
    ledger: new DynamoEffectLedger(db, options.tableName),
    notifier: new OutboxNotifier(p.outbox, options.log),
    mailer: new FileMailer(
      p.sentMail,
      `lurewatch <no-reply@${config.reportAddress.split('@')[1] ?? 'localhost'}>`,
      options.log,
    ),
    rawMail: new FileRawMailStore(p.rawMail),
  };
  const faults = parseFaults((options.env ?? process.env).LUREWATCH_FAULTS);
  if (faults) options.log?.(`fault injection on: ${JSON.stringify(faults)}`);
  return faults ? withFaults(deps, faults) : deps;
}
