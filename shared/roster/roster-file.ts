/** The roster kept as JSON in the data dir (locally) or bundled with the function (AWS). */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Roster, type RosterSource } from './roster.ts';

/** $LUREWATCH_DATA_DIR/roster.json, unless LUREWATCH_ROSTER_FILE names another file. */
export function rosterJsonPath(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.LUREWATCH_ROSTER_FILE ?? join(env.LUREWATCH_DATA_DIR ?? '.lurewatch', 'roster.json'));
}

export class RosterFile implements RosterSource {
  constructor(private readonly file: string) {}

  async load(): Promise<Roster | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return Roster.parse(JSON.parse(text));
  }

  /** Write then rename: a reader never sees half a roster. */
  async save(roster: Roster): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(Roster.parse(roster), null, 2)}\n`, 'utf8');
    await rename(temporary, this.file);
  }
}
