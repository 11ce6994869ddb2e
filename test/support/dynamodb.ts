import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { ensureTable } from '../../infra/local/dynamodb-local.ts';
import { documentClient, localClientConfig } from '../../shared/adapters/dynamodb/client.ts';

/** A fresh table in the shared DynamoDB Local, so test files never see each other's data. */
export async function freshTable(prefix = 'test') {
  const endpoint = inject('dynamoEndpoint');
  const tableName = `${prefix}-${randomUUID().slice(0, 8)}`;
  await ensureTable(endpoint, tableName);
  return { endpoint, tableName, db: documentClient(localClientConfig(endpoint)) };
}
