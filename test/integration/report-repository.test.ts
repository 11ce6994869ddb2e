import { beforeAll, describe, expect, it } from 'vitest';
import { DynamoEffectLedger } from '../../shared/adapters/dynamodb/effect-ledger.ts';
import { DynamoReportRepository } from '../../shared/adapters/dynamodb/report-repository.ts';
import { toReport } from '../../shared/domain/draft.ts';
import { freshTable } from '../support/dynamodb.ts';

const draft = {
  channel: 'whatsapp' as const,
  sender: { phones: ['+447700900417'], aliases: ['Abi'] },
  targets: { names: ['Ben Carrow'] },
  text: 'Hi Ben, it is Abi from the conference drinks',
};

describe('DynamoReportRepository on DynamoDB Local', () => {
  let repository: DynamoReportRepository;
  let ledger: DynamoEffectLedger;
  let clock = 1_000_000;

  beforeAll(async () => {
    const { db, tableName } = await freshTable('repo');
    repository = new DynamoReportRepository(db, tableName);
    ledger = new DynamoEffectLedger(db, tableName, () => clock);
  });

  it('stores a report and reads it back unchanged', async () => {
    const report = toReport(draft, { source: { kind: 'partner-api', partnerId: 'met-police' } });
    expect(await repository.create(report)).toEqual({ outcome: 'created' });
    expect(await repository.get(report.id)).toEqual(report);
  });

  it('never overwrites a report on retry', async () => {
    const report = toReport(draft, { source: { kind: 'partner-api', partnerId: 'met-police' } });
    await repository.create(report);
    const retry = { ...report, text: 'something else' };
    expect(await repository.create(retry)).toEqual({ outcome: 'exists', reportId: report.id });
    expect((await repository.get(report.id))?.text).toBe(draft.text);
  });

  it('writes the report and its idempotency claim together, and finds the first on reuse', async () => {
    const claim = { scope: 'partner:ncsc', key: 'k-1', requestHash: 'a'.repeat(64) };
    const first = toReport(draft, { source: { kind: 'partner-api', partnerId: 'ncsc' } });
    const second = toReport(draft, { source: { kind: 'partner-api', partnerId: 'ncsc' } });
    expect(await repository.create(first, claim)).toEqual({ outcome: 'created' });
    expect(await repository.create(second, claim)).toEqual({
      outcome: 'exists',
      reportId: first.id,
      requestHash: claim.requestHash,
    });
    expect(await repository.get(second.id)).toBeUndefined();
  });

  it('saves an assessment and marks the report scored', async () => {
    const report = toReport(draft, { source: { kind: 'partner-api', partnerId: 'met-police' } });
    await repository.create(report);
    const assessment = {
      score: 88,
      verdict: 'malicious' as const,
      category: 'honeytrap' as const,
      indicators: [{ id: 'claimed-meeting', weight: 30, evidence: 'conference drinks' }],
      reasons: ['claims a prior meeting'],
      rulesetVersion: 'test',
      scoredAt: new Date().toISOString(),
    };
    expect(await repository.saveAssessment(report.id, assessment)).toEqual(assessment);
    const stored = await repository.get(report.id);
    expect(stored?.status).toBe('scored');
    expect(stored?.assessment).toEqual(assessment);
    // A redelivered record scores again: the first verdict stands and is returned.
    const rescored = { ...assessment, score: 12, verdict: 'benign' as const };
    expect(await repository.saveAssessment(report.id, rescored)).toEqual(assessment);
    expect((await repository.get(report.id))?.assessment).toEqual(assessment);
  });

  it('refuses to save an assessment for a report that does not exist', async () => {
    await expect(
      repository.saveAssessment('01HZZZZZZZZZZZZZZZZZZZZZZZ', {
        score: 1,
        verdict: 'benign',
        category: 'none',
        indicators: [],
        reasons: [],
        rulesetVersion: 'test',
        scoredAt: new Date().toISOString(),
      }),
    ).rejects.toThrow();
  });

  it('lets a side effect be claimed once, again after release, and after a lapsed lease', async () => {
    expect(await ledger.claim('alert#1', 1000)).toEqual({ state: 'claimed' });
    expect(await ledger.claim('alert#1', 1000)).toEqual({ state: 'busy', leaseUntil: clock + 1000 });
    await ledger.release('alert#1');
    expect(await ledger.claim('alert#1', 1000)).toEqual({ state: 'claimed' });
    clock += 5000; // the process that held it died: its lease ran out
    expect(await ledger.claim('alert#1', 1000)).toEqual({ state: 'claimed' });
    await ledger.complete('alert#1', { messageId: 'm-1' });
    clock += 1_000_000;
    expect(await ledger.claim('alert#1', 1000)).toEqual({ state: 'done' });
  });
});
