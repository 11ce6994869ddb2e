/** Campaigns: list, read one, export its indicators as STIX 2.1 or MISP (TLP-filtered per caller). */
import * as z from 'zod';
import type { CampaignReader } from '../../../shared/export/campaign-reader.ts';
import {
  type CampaignExportFormat,
  campaignSummary,
  exportCampaign,
} from '../../../shared/export/export-campaign.ts';
import { fieldErrors, json, query, type RouteContext, ULID_PATTERN } from '../http.ts';
import { HttpProblem } from '../problem.ts';

const ListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(25),
    cursor: z.string().min(1).max(1024).optional(),
  })
  .strict();

function store(ctx: RouteContext): CampaignReader {
  if (!ctx.deps.campaigns) throw new HttpProblem(404, 'campaigns are not available in this deployment');
  return ctx.deps.campaigns;
}

export async function listCampaigns(ctx: RouteContext) {
  const parsed = ListQuery.safeParse(query(ctx.event));
  if (!parsed.success)
    throw new HttpProblem(400, 'the query is not valid', fieldErrors(parsed.error.issues, 'query'));
  let page: Awaited<ReturnType<CampaignReader['list']>> = { items: [] };
  try {
    // No campaign store wired yet: an empty list, not an error.
    if (ctx.deps.campaigns) page = await ctx.deps.campaigns.list(parsed.data);
  } catch (error) {
    // A cursor the store cannot read is the caller's mistake, not ours.
    if (parsed.data.cursor && /cursor/i.test((error as Error).message)) {
      throw new HttpProblem(400, 'the cursor is not valid', [
        { path: 'query/cursor', message: 'not a cursor this API gave out' },
      ]);
    }
    throw error;
  }
  return json(200, {
    items: page.items.map(campaignSummary),
    ...(page.cursor ? { nextCursor: page.cursor } : {}),
    links: {
      self: '/v1/campaigns',
      ...(page.cursor ? { next: `/v1/campaigns?cursor=${encodeURIComponent(page.cursor)}` } : {}),
    },
  });
}

const CONTENT_TYPES: Record<CampaignExportFormat, string> = {
  view: 'application/json',
  stix: 'application/stix+json;version=2.1',
  misp: 'application/json',
};

const exportRoute = (format: CampaignExportFormat) => async (ctx: RouteContext) => {
  const id = ctx.params.id ?? '';
  const campaigns = store(ctx);
  const result = ULID_PATTERN.test(id)
    ? await exportCampaign(
        { campaigns, reports: ctx.deps.repository, now: ctx.deps.now },
        ctx.principal!,
        id,
        format,
      )
    : undefined;
  if (!result) throw new HttpProblem(404, 'no campaign with this id');
  return json(200, result, { 'content-type': CONTENT_TYPES[format] });
};

export const getCampaign = exportRoute('view');
export const getCampaignStix = exportRoute('stix');
export const getCampaignMisp = exportRoute('misp');
