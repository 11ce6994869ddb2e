/**
 * The roster kept as a file locally: roster.json in the data dir (what `lurewatch roster import`
 * and `PUT /v1/roster` write), or the CSV that LUREWATCH_ROSTER_FILE names, read and written
 * as CSV. In AWS the roster is in the table (shared/adapters/dynamodb/roster-store.ts).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseRosterCsv, ROSTER_COLUMNS, Roster, type RosterStore } from './roster.ts';

const isCsv = (file: string) => file.toLowerCase().endsWith('.csv');
const csvCell = (value: string | undefined) =>
  value === undefined ? '' : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export function rosterToCsv(roster: Roster): string {
  const lines = roster.entries.map((entry) => ROSTER_COLUMNS.map((c) => csvCell(entry[c])).join(','));
  return `${[ROSTER_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

/** $LUREWATCH_DATA_DIR/roster.json, unless LUREWATCH_ROSTER_FILE names another file. */
export function rosterJsonPath(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.LUREWATCH_ROSTER_FILE ?? join(env.LUREWATCH_DATA_DIR ?? '.lurewatch', 'roster.json'));
}

export class RosterFile implements RosterStore {
  constructor(private readonly file: string) {}

  async load(): Promise<Roster | undefined> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (isCsv(this.file) || !/^\s*\{/.test(text)) return parseRosterCsv(text, { source: this.file });
    return Roster.parse(JSON.parse(text));
  }

  /** Write then rename: a reader never sees half a roster. */
  async save(roster: Roster): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    const valid = Roster.parse(roster);
    await writeFile(
      temporary,
      isCsv(this.file) ? rosterToCsv(valid) : `${JSON.stringify(valid, null, 2)}\n`,
      'utf8',
    );
    await rename(temporary, this.file);
  }
}
