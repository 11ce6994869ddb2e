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

/**
 * The filter for the roster sync: the roster pointer item was written (an import switched
 * versions). Chunk items carry another type, so one import is one event, however large.
 */
export const ROSTER_CHANGED_FILTER_PATTERN = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { type: { S: ['roster'] } } },
} as const;

export function matchesRosterChangedFilter(record: StreamRecordLike): boolean {
  return (
    (record.eventName === 'INSERT' || record.eventName === 'MODIFY') &&
    record.dynamodb?.NewImage?.type?.S === 'roster'
  );
}
