/**
 * `lurewatch score FILE...`: scores files offline, no servers. One line per file; a file that
 * cannot be read or parsed gives a line with an `error` field instead of stopping the run.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadConfig } from '../config.ts';
import { toReport } from '../domain/draft.ts';
import type { Category, Channel, Indicator, Verdict } from '../domain/report.ts';
import { parseFile } from '../intake/parse-file.ts';
import { assess, defaultScoringContext, type ScoringContext } from '../scoring/index.ts';

export interface ScoreLine {
  file: string;
  score?: number;
  verdict?: Verdict;
  category?: Category;
  indicators?: Array<Pick<Indicator, 'id' | 'weight' | 'evidence'>>;
  reasons?: string[];
  channel?: Channel;
  /** Why the file could not be scored (or was only partly readable). */
  error?: string;
}

export interface ScoreOptions {
  context?: ScoringContext;
  /** Defaults to the environment (LUREWATCH_* variables), as the deployed pipeline reads it. */
  config?: ReturnType<typeof loadConfig>;
  read?: (path: string) => Promise<Uint8Array>;
}

export async function scoreFile(path: string, options: ScoreOptions = {}): Promise<ScoreLine> {
  const config = options.config ?? loadConfig();
  const context = options.context ?? defaultScoringContext(config);
  let bytes: Uint8Array;
  try {
    bytes = await (options.read ?? readFile)(path);
  } catch (e) {
    return { file: path, error: `cannot read file: ${(e as Error).message}` };
  }
  try {
    const { draft, reporter } = await parseFile(basename(path), bytes, {
      reportAddress: config.reportAddress,
      reporterDomains: config.reporterDomains,
      defaultPhoneRegion: config.defaultPhoneRegion,
    });
    if (draft.unparseable && !draft.text.trim() && !draft.messages?.length) {
      return { file: path, channel: draft.channel, error: `unparseable: ${draft.unparseable}` };
    }
    const source = reporter
      ? { kind: 'email-forward' as const, reporter: reporter.address }
      : { kind: 'partner-api' as const, partnerId: 'cli' };
    const report = toReport(draft, { source });
    const a = assess(report, context);
    return {
      file: path,
      score: a.score,
      verdict: a.verdict,
      category: a.category,
      indicators: a.indicators.map(({ id, weight, evidence }) => ({ id, weight, evidence })),
      reasons: a.reasons,
      channel: report.channel,
      ...(draft.unparseable ? { error: `partly unparseable: ${draft.unparseable}` } : {}),
    };
  } catch (e) {
    return { file: path, error: `cannot score: ${(e as Error).message.slice(0, 500)}` };
  }
}

export async function scoreFiles(paths: string[], options: ScoreOptions = {}): Promise<ScoreLine[]> {
  const config = options.config ?? loadConfig();
  const context = options.context ?? defaultScoringContext(config);
  const out: ScoreLine[] = [];
  for (const path of paths) out.push(await scoreFile(path, { ...options, config, context }));
  return out;
}

export function formatScoreLine(line: ScoreLine): string {
  return JSON.stringify(line);
}
