/**
 * Runtime configuration the domain needs: who may report, which domains we protect, who is on
 * the roster. In AWS it comes from the stage config (cdk.json context → Lambda environment);
 * locally from the same environment variables with development defaults.
 */
import * as z from 'zod';

const csv = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim().toLowerCase())
        .filter(Boolean),
    );

export const LurewatchConfig = z.object({
  /** The address members forward suspicious messages to. */
  reportAddress: z.string().default('report@lurewatch.example'),
  /** Forwards are trusted only from these domains (and their subdomains). */
  reporterDomains: csv('parliament.uk'),
  /** Domains whose lookalikes are spear-phishing signals. */
  protectedDomains: csv('parliament.uk'),
  /** Default region for phone numbers written without a country code. */
  defaultPhoneRegion: z.string().default('GB'),
  /** Score at or above which an officer alert is published. */
  alertThreshold: z.coerce.number().int().min(0).max(100).default(70),
  /** The roster (CSV name,role,party,email,mobile or JSON; see shared/campaigns/roster.ts); none: empty. */
  rosterFile: z.string().min(1).optional(),
  /** Distinct-target counts at which a campaign is announced again. */
  campaignTargetThresholds: z
    .string()
    .default('3,10')
    .transform((s) =>
      s
        .split(',')
        .map((p) => Number.parseInt(p.trim(), 10))
        .filter((n) => Number.isInteger(n) && n > 0),
    ),
});
export type LurewatchConfig = z.infer<typeof LurewatchConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env): LurewatchConfig {
  return LurewatchConfig.parse({
    reportAddress: env.LUREWATCH_REPORT_ADDRESS,
    reporterDomains: env.LUREWATCH_REPORTER_DOMAINS,
    protectedDomains: env.LUREWATCH_PROTECTED_DOMAINS,
    defaultPhoneRegion: env.LUREWATCH_PHONE_REGION,
    alertThreshold: env.LUREWATCH_ALERT_THRESHOLD,
    rosterFile: env.LUREWATCH_ROSTER_FILE || undefined,
    campaignTargetThresholds: env.LUREWATCH_CAMPAIGN_THRESHOLDS,
  });
}
