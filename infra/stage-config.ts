/**
 * Stage configuration: one typed, validated object per deployment stage, read from the cdk
 * context (`cdk.json` → `context.stages.<name>`, stage picked with `-c stage=<name>`, default
 * `dev`). Account-agnostic and offline: no lookups, `account` may be omitted (the stack then
 * deploys into whatever account the CLI credentials point at).
 */
import type { Node } from 'constructs';
import * as z from 'zod';

export const SCOPES = [
  'reports.write',
  'reports.read',
  'campaigns.read',
  'broadcasts.send',
  'roster.manage',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Names the stack sets from the config itself: not overridable through extraEnvironment. */
const RESERVED_ENVIRONMENT = [
  'LUREWATCH_REPORT_ADDRESS',
  'LUREWATCH_REPORTER_DOMAINS',
  'LUREWATCH_PROTECTED_DOMAINS',
];

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'not a domain name');

const email = z.email().trim().toLowerCase();

/** A partner agency: a bare name, or a name with the scopes its client may ask for. */
const partnerClient = z.preprocess(
  (p) => (typeof p === 'string' ? { name: p } : p),
  z
    .object({
      name: z
        .string()
        .regex(
          /^[a-z][a-z0-9-]{1,40}$/,
          'partner names are lower-case words joined by hyphens (used in ids)',
        ),
      /** Default: what a partner's token carries in the local runtime (shared/auth/principal.ts). */
      scopes: z.array(z.enum(SCOPES)).min(1).default(['reports.write', 'reports.read', 'campaigns.read']),
    })
    .strict(),
);

export const StageConfigSchema = z
  .object({
    /** Twelve-digit account id; omit to stay account-agnostic (no lookups are ever made). */
    account: z
      .string()
      .regex(/^\d{12}$/, 'an AWS account id is twelve digits')
      .optional(),
    /** Must be a region where SES email receiving is available. */
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'not an AWS region name'),
    /** Prefix of every physical name (topics, rule set, domains). Defaults to `lurewatch-<stage>`. */
    prefix: z
      .string()
      .regex(/^[a-z][a-z0-9-]{2,30}$/)
      .optional(),
    /** The address members forward suspicious messages to (an SES receipt rule recipient). */
    reportAddress: email,
    /** The domain SES receives for and sends acknowledgements from (an SES identity). */
    reportDomain: domain,
    /** The address acknowledgements come from (on reportDomain). Defaults to `no-reply@<reportDomain>`. */
    ackSenderAddress: email.optional(),
    /** Create the SES domain identity in this stack; false when the domain is verified elsewhere. */
    createSesIdentity: z.boolean().default(true),
    /** Forwards are trusted only from these domains (and their subdomains). */
    reporterDomains: z.array(domain).min(1),
    /** Domains whose lookalikes are spear-phishing signals. */
    protectedDomains: z.array(domain).min(1),
    /** Security officers subscribed (by email) to officer alerts. */
    officerAlertEmails: z.array(email).default([]),
    /** Operators subscribed (by email) to alarm notifications. */
    opsAlarmEmails: z.array(email).default([]),
    /** Cognito hosted-domain prefix for the OAuth token endpoint (unique per region). */
    authDomainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
    /** Where the officers' console receives OAuth codes (authorization-code + PKCE client). */
    officerCallbackUrls: z.array(z.url()).min(1),
    /** Partner agencies: one client-credentials app client and one API key each. */
    partnerClients: z.array(partnerClient).default([]),
    retentionDays: z
      .object({
        /** Raw forwarded mail in S3. */
        rawMail: z.number().int().min(1).max(365).default(30),
        /** S3 server access logs. */
        accessLogs: z.number().int().min(1).default(365),
        /** Lambda, API access and WAF logs (must be a CloudWatch Logs retention value). */
        logs: z.number().int().min(1).default(90),
        /** Dead-letter queues keep failed events this long (SQS allows 1–14). */
        deadLetters: z.number().int().min(1).max(14).default(14),
      })
      .prefault({}),
    /** `retain` keeps data stores (and turns on deletion protection); `destroy` is for throwaway stages. */
    removalPolicy: z.enum(['retain', 'destroy']),
    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
    /** Further LUREWATCH_* settings handed to every function (e.g. LUREWATCH_BROADCAST_APPROVAL). */
    extraEnvironment: z
      .record(
        z.string().regex(/^LUREWATCH_[A-Z0-9_]+$/, 'extra environment names start with LUREWATCH_'),
        z.string(),
      )
      .default({}),
    /** Reserved concurrency (0 = none reserved; a new account with a 10 limit cannot reserve). */
    reservedConcurrency: z
      .object({
        sesInbound: z.number().int().min(0).default(5),
        scoreStream: z.number().int().min(0).default(5),
        // One sync at a time: two racing syncs would both add the same subscription.
        rosterSync: z.number().int().min(1).max(1).default(1),
      })
      .prefault({}),
    apiThrottle: z
      .object({
        rateLimit: z.number().positive().default(20),
        burstLimit: z.number().int().positive().default(40),
        dailyQuota: z.number().int().positive().default(20_000),
      })
      .prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.reportAddress.endsWith(`@${c.reportDomain}`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reportAddress'],
        message: 'must be an address on reportDomain',
      });
    }
    if (c.ackSenderAddress && !c.ackSenderAddress.endsWith(`@${c.reportDomain}`)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ackSenderAddress'],
        message: 'must be an address on reportDomain',
      });
    }
    for (const name of Object.keys(c.extraEnvironment)) {
      if (RESERVED_ENVIRONMENT.includes(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['extraEnvironment', name],
          message: 'set by the stack itself',
        });
      }
    }
    const names = c.partnerClients.map((p) => p.name);
    if (new Set(names).size !== names.length) {
      ctx.addIssue({ code: 'custom', path: ['partnerClients'], message: 'partner names must be unique' });
    }
  });

export type StageConfigInput = z.input<typeof StageConfigSchema>;

export interface StageConfig extends Omit<z.output<typeof StageConfigSchema>, 'prefix' | 'ackSenderAddress'> {
  /** The stage name (`dev`, `prod`, …). */
  stage: string;
  prefix: string;
  ackSenderAddress: string;
}

export const DEFAULT_STAGE = 'dev';

/** Validates one stage's raw config and fills in the derived defaults. */
export function parseStageConfig(stage: string, raw: unknown): StageConfig {
  if (!/^[a-z][a-z0-9-]{1,15}$/.test(stage)) {
    throw new Error(`stage name "${stage}" must be a short lower-case word`);
  }
  const result = StageConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`cdk.json context stages.${stage} is invalid:\n${z.prettifyError(result.error)}`);
  }
  const c = result.data;
  return {
    ...c,
    stage,
    prefix: c.prefix ?? `lurewatch-${stage}`,
    ackSenderAddress: c.ackSenderAddress ?? `no-reply@${c.reportDomain}`,
  };
}

/** Reads `stage` and `stages.<stage>` from the cdk context of a construct tree (usually the App). */
export function stageConfigFromContext(node: Node): StageConfig {
  const stage = String(node.tryGetContext('stage') ?? DEFAULT_STAGE);
  const stages: unknown = node.tryGetContext('stages');
  if (typeof stages !== 'object' || stages === null) {
    throw new Error('cdk context has no "stages" object: see cdk.json');
  }
  const raw = (stages as Record<string, unknown>)[stage];
  if (raw === undefined) {
    throw new Error(`unknown stage "${stage}": cdk.json defines ${Object.keys(stages).join(', ')}`);
  }
  return parseStageConfig(stage, raw);
}
