/**
 * Fault injection for reliability tests: wraps the ports so that a share of calls fail the way
 * the real services do (DynamoDB throttling, SNS/SES errors, timeouts). Enabled only by
 * LUREWATCH_FAULTS, e.g. "repository=0.1,ledger=0.05,notifier=0.3,mailer=0.3,rawMail=0.1,delayMs=20".
 * delayMs is storage latency (repository and raw mail: up to that many ms per call), which
 * stretches a batch so a test can kill the runtime in the middle of one.
 */
import type { Dependencies } from '../../functions/commons/dependencies.ts';

export interface FaultSpec {
  repository: number;
  ledger: number;
  notifier: number;
  mailer: number;
  rawMail: number;
  delayMs: number;
}

export function parseFaults(spec: string | undefined): FaultSpec | undefined {
  if (!spec) return undefined;
  const faults: FaultSpec = { repository: 0, ledger: 0, notifier: 0, mailer: 0, rawMail: 0, delayMs: 0 };
  for (const part of spec.split(',')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (!name || !(name in faults) || value === undefined || Number.isNaN(Number(value))) {
      throw new Error(`LUREWATCH_FAULTS: cannot read "${part}"`);
    }
    faults[name as keyof FaultSpec] = Number(value);
  }
  return faults;
}

const FAILURES: Record<keyof Omit<FaultSpec, 'delayMs'>, () => Error> = {
  repository: () =>
    Object.assign(new Error('Rate of requests exceeds the allowed throughput (injected)'), {
      name: 'ProvisionedThroughputExceededException',
    }),
  ledger: () =>
    Object.assign(new Error('Throughput exceeds the current capacity (injected)'), {
      name: 'ThrottlingException',
    }),
  notifier: () =>
    Object.assign(new Error('SNS is unavailable (injected)'), { name: 'InternalErrorException' }),
  mailer: () => Object.assign(new Error('Maximum sending rate exceeded (injected)'), { name: 'Throttling' }),
  rawMail: () => Object.assign(new Error('Request timed out (injected)'), { name: 'TimeoutError' }),
};

function faulty<T extends object>(
  target: T,
  rate: number,
  delayMs: number,
  failure: () => Error,
  random: () => number,
): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (delayMs > 0) await new Promise((r) => setTimeout(r, random() * delayMs));
        if (random() < rate) throw failure();
        return value.apply(object, args);
      };
    },
  });
}

export function withFaults(
  deps: Dependencies,
  faults: FaultSpec,
  random: () => number = Math.random,
): Dependencies {
  const storage = new Set(['repository', 'rawMail']);
  const wrap = <K extends keyof typeof FAILURES>(name: K) =>
    faulty(
      deps[name] as object,
      faults[name],
      storage.has(name) ? faults.delayMs : 0,
      FAILURES[name],
      random,
    ) as Dependencies[K];
  return {
    ...deps,
    repository: wrap('repository'),
    ledger: wrap('ledger'),
    notifier: wrap('notifier'),
    mailer: wrap('mailer'),
    rawMail: wrap('rawMail'),
  };
}
