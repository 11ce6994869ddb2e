/** A correlation set-up on a fresh DynamoDB Local table, with recording notifier and mailer. */
import { ulid } from 'ulid';
import { DynamoCampaignRepository } from '../../shared/adapters/dynamodb/campaign-repository.ts';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import { type CorrelateDeps, correlateReport } from '../../shared/campaigns/correlate.ts';
import { EMPTY_ROSTER, type Roster } from '../../shared/campaigns/roster.ts';
import type { OutboundMail, Publication } from '../../shared/domain/ports.ts';
import type { Assessment, Report } from '../../shared/domain/report.ts';
import { freshTable } from '../support/dynamodb.ts';

export async function campaignHarness(options: { roster?: Roster; thresholds?: number[] } = {}) {
  const table = await freshTable('campaigns');
  const store = new DynamoCampaignRepository(table.db, table.tableName);
  const reports = new DynamoReportRepository(table.db, table.tableName);
  const published: Publication[] = [];
  const mailed: OutboundMail[] = [];
  const deps: CorrelateDeps = {
    store,
    ledger: new DynamoEffectLedger(table.db, table.tableName),
    notifier: {
      publish: async (p) => {
        published.push(p);
        return { messageId: `m${published.length}` };
      },
    },
    mailer: {
      send: async (m) => {
        mailed.push(m);
        return { messageId: `e${mailed.length}` };
      },
    },
    roster: options.roster ?? EMPTY_ROSTER,
    thresholds: options.thresholds ?? [3, 10],
    ignoreDomains: ['parliament.uk'],
    newCampaignId: () => ulid(),
  };
  const correlate = async (report: Report, assessment: Assessment) => {
    await reports.create(report);
    return correlateReport(deps, report, assessment);
  };
  const alerts = (kind?: string) => published.filter((p) => kind === undefined || p.attributes.kind === kind);
  return { table, store, reports, deps, published, mailed, correlate, alerts };
}
