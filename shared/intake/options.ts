import { DEFAULT_LIMITS, type IntakeLimits } from './limits.ts';
import type { IntakeOptions } from './types.ts';

export interface ResolvedOptions {
  reportAddress: string;
  region: string;
  reporterDomains: string[];
  limits: IntakeLimits;
}

export function resolveOptions(o: IntakeOptions | undefined): ResolvedOptions {
  return {
    reportAddress: (o?.reportAddress ?? 'report@lurewatch.example').toLowerCase(),
    region: (o?.defaultPhoneRegion ?? 'GB').toUpperCase(),
    reporterDomains: (o?.reporterDomains ?? ['parliament.uk']).map((d) => d.toLowerCase()),
    limits: { ...DEFAULT_LIMITS, ...(o?.limits ?? {}) },
  };
}
