/**
 * Reliability with real components: the runtime killed in the middle of a batch, and faults
 * injected into every adapter. Nothing accepted is lost; no alert is doubled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EFFECT_LEASE_MS } from '../../shared/usecases/once.ts';
import { eventually, type RuntimeProcess, startRuntimeProcess } from '../support/runtime-process.ts';

const lure = (n: number) => ({
  channel: 'whatsapp',
  partnerRef: `REL-${n}`,
  sender: { phones: [`+447700900${String(100 + n).slice(-3)}`], aliases: ['Abi'] },
  targets: { names: [`Member ${n}`] },
  text:
    `Hi, it's Abi from the party conference reception — so embarrassed you don't remember me (${n})! ` +
    'Keep this between us? Add me on Signal and I will send you a pic x. Can you share your diary for next week?',
});

async function postAll(runtime: RuntimeProcess, count: number): Promise<string[]> {
  const token = await runtime.token('partner', 'reliability');
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    // Retries with the same Idempotency-Key: a 5xx from an injected fault is retried safely.
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${runtime.baseUrl}/v1/reports`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': `rel-${n}`,
        },
        body: JSON.stringify(lure(n)),
      });
      if (response.status === 202) {
        ids.push(((await response.json()) as { id: string }).id);
        break;
      }
      if (attempt > 10) throw new Error(`report ${n} not accepted: ${response.status}`);
    }
  }
  return ids;
}

async function statusOf(runtime: RuntimeProcess, id: string, token: string) {
  const response = await fetch(`${runtime.baseUrl}/v1/reports/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return response.status === 200
    ? ((await response.json()) as { status: string }).status
    : `http ${response.status}`;
}

function alertsPerReport(runtime: RuntimeProcess, ids: string[]) {
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const line of runtime.outbox()) {
    if (
      line.topic !== 'officer-alerts' ||
      (line.attributes as Record<string, string>).kind !== 'report-alert'
    )
      continue;
    const id = (JSON.parse(String(line.message)) as { reportId: string }).reportId;
    if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  }
  return counts;
}

describe('reliability', () => {
  let runtime: RuntimeProcess | undefined;
  afterEach(async () => {
    await runtime?.stop('SIGKILL');
  });

  it('scores every accepted report exactly once and loses no alert when killed mid-batch', async () => {
    // Slow storage stretches the batch so the kill lands in the middle of it.
    const env = { LUREWATCH_FAULTS: 'delayMs=10' };
    runtime = await startRuntimeProcess({ env });
    const ids = await postAll(runtime, 20);
    await eventually(
      () =>
        alertsPerReport(runtime!, ids).size > 0 &&
        [...alertsPerReport(runtime!, ids).values()].some((c) => c > 0)
          ? true
          : undefined,
      20_000,
    );
    const before = [...alertsPerReport(runtime, ids).values()].filter((c) => c > 0).length;
    expect(before).toBeLessThan(ids.length); // really in the middle
    await runtime.stop('SIGKILL');

    runtime = await startRuntimeProcess({ dataDir: runtime.dataDir, env });
    const officer = await runtime.token('officer');
    await eventually(async () => {
      const statuses = await Promise.all(ids.map((id) => statusOf(runtime!, id, officer)));
      return statuses.every((s) => s === 'scored') ? true : undefined;
    }, 200_000);
    // "Scored" is written before the alert goes out: an alert whose claim the killed process
    // held follows once that claim's lease lapses (EFFECT_LEASE_MS), so wait for every alert...
    await eventually(
      () => ([...alertsPerReport(runtime!, ids).values()].every((c) => c >= 1) ? true : undefined),
      EFFECT_LEASE_MS * 3,
    );
    // ...then give any stray redelivery time to show itself before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const counts = alertsPerReport(runtime, ids);
    expect([...counts.entries()].filter(([, c]) => c !== 1)).toEqual([]);
  }, 280_000);

  it('loses nothing when DynamoDB throttles and SNS and SES fail: retries, then the DLQ with the reason', async () => {
    runtime = await startRuntimeProcess({
      env: { LUREWATCH_FAULTS: 'repository=0.1,ledger=0.1,notifier=0.3,mailer=0.3,delayMs=5' },
    });
    const ids = await postAll(runtime, 25);
    const deadLetteredIds = () =>
      new Set(
        runtime!
          .deadLetters()
          .map((d) => (d.keys as { PK?: { S?: string } } | undefined)?.PK?.S?.replace('REPORT#', ''))
          .filter(Boolean),
      );
    // Each report ends with exactly one alert, or as a dead letter with its reason: never silently lost.
    try {
      await eventually(() => {
        const counts = alertsPerReport(runtime!, ids);
        const dead = deadLetteredIds();
        return ids.every((id) => counts.get(id) === 1 || dead.has(id)) ? true : undefined;
      }, 90_000);
    } catch (error) {
      // Say which reports are neither alerted nor dead-lettered, and where they stand.
      const counts = alertsPerReport(runtime, ids);
      const dead = deadLetteredIds();
      const officer = await runtime.token('officer');
      const stuck = ids.filter((id) => counts.get(id) !== 1 && !dead.has(id));
      const states = await Promise.all(
        stuck.map(async (id) => `${id}: ${await statusOf(runtime!, id, officer)}, ${counts.get(id)} alerts`),
      );
      console.error(runtime.output().split('\n').slice(-80).join('\n'));
      throw new Error(`${(error as Error).message}; stuck: ${states.join('; ')}`);
    }
    await new Promise((r) => setTimeout(r, 1500));
    const counts = alertsPerReport(runtime, ids);
    expect([...counts.entries()].filter(([, c]) => c > 1)).toEqual([]);
    for (const letter of runtime.deadLetters()) expect(String(letter.reason)).toMatch(/injected|failure/);
    console.log(
      `faults: ${[...counts.values()].filter((c) => c === 1).length} alerted, ${deadLetteredIds().size} dead-lettered of ${ids.length}`,
    );
  }, 150_000);
});
