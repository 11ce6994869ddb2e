/**
 * What the API's routes need beyond the shared Dependencies: listing, broadcasts, idempotency
 * keys, the roster and the broadcast policy. Built from the shared ones (same table, same
 * client), so neither composition root has to change; a test can pass its own.
 */

import { DynamoBroadcastStore } from '../../shared/adapters/dynamodb/broadcast-store.ts';
import { campaignRepositoryBeside } from '../../shared/adapters/dynamodb/campaign-repository.ts';
import { DynamoIdempotencyKeys } from '../../shared/adapters/dynamodb/idempotency-keys.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import type { BroadcastPolicy } from '../../shared/broadcast/broadcast-service.ts';
import type { BroadcastStore } from '../../shared/broadcast/ports.ts';
import type { ReportRepository } from '../../shared/domain/ports.ts';
import type { CampaignReader } from '../../shared/export/campaign-reader.ts';
import type { RosterSource } from '../../shared/roster/roster.ts';
import { RosterFile, rosterJsonPath } from '../../shared/roster/roster-file.ts';
import type { IdempotencyKeys } from '../../shared/usecases/idempotency.ts';
import type { ReportListing } from '../../shared/usecases/list-reports.ts';
import type { Dependencies } from '../commons/dependencies.ts';

export interface ApiExtras {
  reports: ReportRepository & ReportListing;
  broadcasts: BroadcastStore;
  idempotency: IdempotencyKeys;
  /** Undefined without a campaign store: the list is empty, a campaign is 404. */
  campaigns?: CampaignReader;
  roster: RosterSource;
  broadcastPolicy: BroadcastPolicy;
  now: () => Date;
}

export type ApiDependencies = Dependencies & ApiExtras;

export function broadcastPolicyFromEnv(
  env: Record<string, string | undefined>,
  reportAddress: string,
): BroadcastPolicy {
  const minutes = Number(env.LUREWATCH_BROADCAST_MIN_INTERVAL_SECONDS ?? 600);
  return {
    securityTeamPhone: env.LUREWATCH_SECURITY_TEAM_PHONE ?? '020 7946 0000',
    reportAddress,
    approvalRequired: (env.LUREWATCH_BROADCAST_APPROVAL ?? '').toLowerCase() === 'required',
    minIntervalMs: Number.isFinite(minutes) && minutes >= 0 ? minutes * 1000 : 600_000,
  };
}

const derived = new WeakMap<Dependencies, ApiDependencies>();

export function apiDependencies(
  deps: Dependencies & Partial<ApiExtras>,
  env: Record<string, string | undefined> = process.env,
): ApiDependencies {
  const cached = derived.get(deps);
  if (cached) return cached;
  const repository = deps.repository;
  const dynamo = repository instanceof DynamoReportRepository ? repository : undefined;
  const need = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`the API needs ${name}: pass it or use the DynamoDB repository`);
    return value;
  };
  const full: ApiDependencies = {
    ...deps,
    reports: deps.reports ?? need(dynamo, 'a report listing'),
    broadcasts:
      deps.broadcasts ?? new DynamoBroadcastStore(need(dynamo, 'a broadcast store').db, dynamo!.tableName),
    idempotency:
      deps.idempotency ?? new DynamoIdempotencyKeys(need(dynamo, 'idempotency keys').db, dynamo!.tableName),
    campaigns: deps.campaigns ?? campaignRepositoryBeside(repository),
    roster: deps.roster ?? new RosterFile(rosterJsonPath(env)),
    broadcastPolicy: deps.broadcastPolicy ?? broadcastPolicyFromEnv(env, deps.config.reportAddress),
    now: deps.now ?? (() => new Date()),
  };
  derived.set(deps, full);
  return full;
}
