/**
 * The event-source-mapping filter for the scorer: only newly inserted reports waiting to be
 * scored. Writing the verdict back is a MODIFY, so scoring never retriggers itself. The CDK
 * stack and the local stream poller both use this one definition.
 */
export const NEW_REPORTS_FILTER_PATTERN = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: ['report'] }, status: { S: ['received'] } } },
} as const;

interface StreamRecordLike {
  eventName?: string;
  dynamodb?: { NewImage?: Record<string, { S?: string } | undefined> };
}

/** The same test the filter pattern expresses, for the local poller. */
export function matchesNewReportsFilter(record: StreamRecordLike): boolean {
  const image = record.dynamodb?.NewImage;
  return record.eventName === 'INSERT' && image?.type?.S === 'report' && image?.status?.S === 'received';
}
