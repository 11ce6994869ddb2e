import { resolve } from 'node:path';

/** Where the local runtime keeps everything: the database, raw mail, outbox, keys. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.LUREWATCH_DATA_DIR ?? '.lurewatch');
}

export const paths = (root: string) => ({
  root,
  dynamodb: resolve(root, 'dynamodb'),
  rawMail: resolve(root, 'raw-mail'),
  outbox: resolve(root, 'outbox.jsonl'),
  sentMail: resolve(root, 'sent-mail.jsonl'),
  deadLetters: resolve(root, 'dead-letters.jsonl'),
  signingKey: resolve(root, 'keys', 'signing-key.json'),
  streamCheckpoint: resolve(root, 'stream-checkpoint.json'),
  subscriptions: resolve(root, 'subscriptions.json'),
});

export const LOCAL_TABLE_NAME = 'lurewatch';
