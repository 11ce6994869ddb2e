/**
 * End-to-end latency on the local runtime: from POST /v1/reports of a malicious report to its
 * officer alert in outbox.jsonl (API → DynamoDB Local → stream poller → scorer → outbox).
 */
import { inProcessRuntime, percentile, round } from '../support/local-runtime.ts';

const lure = (n: number) => ({
  channel: 'whatsapp',
  sender: { phones: [`+4477009${String(n % 1000).padStart(5, '0')}`.slice(0, 13)], aliases: ['Abi'] },
  targets: { names: ['Ben Carrow'] },
  text:
    `Hi Ben, it's Abi from the party conference reception (${n}). So embarrassed you don't remember me! ` +
    'Keep this between us and add me on Signal? Sending a pic x. Can you send me your diary for next week?',
});

export async function benchPipeline(samples = 40): Promise<Record<string, number | string>> {
  const runtime = await inProcessRuntime();
  try {
    const token = await runtime.token('partner', 'bench');
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      const response = await fetch(`${runtime.baseUrl}/v1/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(lure(i)),
      });
      const { id } = (await response.json()) as { id: string };
      for (;;) {
        if (runtime.outboxLines().some((l) => l.includes(id))) break;
        if (performance.now() - started > 10_000) throw new Error(`no alert for ${id} within 10 s`);
        await new Promise((r) => setTimeout(r, 5));
      }
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    return {
      samples,
      'POST → outbox p50 ms': round(percentile(latencies, 50)),
      'POST → outbox p99 ms': round(percentile(latencies, 99)),
      'POST → outbox max ms': round(latencies.at(-1)!),
      target: 'under 2,000 ms',
    };
  } finally {
    await runtime.stop();
  }
}
