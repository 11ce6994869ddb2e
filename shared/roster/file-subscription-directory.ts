/** The local stand-in for the topic's subscriptions: $LUREWATCH_DATA_DIR/subscriptions.json. */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Subscription, SubscriptionDirectory } from './subscriptions.ts';

export class FileSubscriptionDirectory implements SubscriptionDirectory {
  constructor(private readonly file: string) {}

  async list(): Promise<Subscription[]> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as Subscription[];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async save(subscriptions: Subscription[]) {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(subscriptions, null, 2)}\n`, 'utf8');
    await rename(temporary, this.file);
  }

  async subscribe(subscription: Omit<Subscription, 'id'>): Promise<void> {
    // Locally every subscription is confirmed at once. The CLI and the runtime's watcher may both
    // sync after one import: an equal subscription is not added twice.
    const current = await this.list();
    const same = (s: Subscription) =>
      s.protocol === subscription.protocol &&
      s.endpoint === subscription.endpoint &&
      [...s.audiences].sort().join() === [...subscription.audiences].sort().join();
    if (current.some(same)) return;
    await this.save([...current, { id: `local:${randomUUID()}`, ...subscription }]);
  }

  async unsubscribe(subscription: Subscription): Promise<void> {
    await this.save((await this.list()).filter((s) => s.id !== subscription.id));
  }
}
