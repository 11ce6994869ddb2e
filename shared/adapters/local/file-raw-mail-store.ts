import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { RawMailStore } from '../../domain/ports.ts';

/** The local stand-in for the raw-mail bucket: objects are files under a directory. */
export class FileRawMailStore implements RawMailStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    const path = resolve(join(this.root, key));
    // A key is data from outside: never let it climb out of the store.
    if (!path.startsWith(this.root + sep)) throw new Error(`invalid raw-mail key: ${key}`);
    return path;
  }

  async get(key: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(this.pathOf(key)));
  }

  async put(key: string, raw: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, raw);
  }
}
