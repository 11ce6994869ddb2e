import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROSTER,
  loadRosterFile,
  parseRoster,
  roleOf,
  watchRosterFile,
} from '../../../shared/campaigns/roster.ts';
import { targetsOf } from '../../../shared/campaigns/targets.ts';
import { report } from './fixtures.ts';

const CSV = [
  'name,role,party,email,mobile',
  'Rt Hon Andrew Fenwick MP,minister,Labour,Andrew.Fenwick.MP@parliament.uk,07700 900001',
  '"Carrow, Ben",Parliamentary assistant,,ben.carrow@parliament.uk,',
  'Daniel Reeve,Lobby correspondent,,daniel.reeve@midlandspost.example,',
  ',member,,nobody@parliament.uk,',
].join('\r\n');

describe('roster', () => {
  it('reads the CSV format, folding free-text roles and normalising mobiles', () => {
    const roster = parseRoster(CSV, 'csv');
    expect(roster.entries).toHaveLength(3);
    expect(roster.entries[0]).toMatchObject({
      role: 'minister',
      party: 'Labour',
      email: 'andrew.fenwick.mp@parliament.uk',
      mobile: '+447700900001',
    });
    expect(roster.entries.map((e) => e.role)).toEqual(['minister', 'staffer', 'journalist']);
    expect(roster.find({ name: 'andrew fenwick' })).toBe(0);
    expect(roster.find({ phone: '+447700900001' })).toBe(0);
    expect(roster.find({ email: 'BEN.CARROW@parliament.uk' })).toBe(1);
  });

  it('reads the JSON kept by `lurewatch roster import`', () => {
    const roster = parseRoster(
      JSON.stringify({
        importedAt: 'x',
        entries: [{ name: 'Sam Whitlock', role: 'MP', party: 'Green', mobile: '+447700900002' }],
      }),
      'json',
    );
    expect(roster.entries).toEqual([
      { name: 'Sam Whitlock', role: 'member', party: 'Green', mobile: '+447700900002' },
    ]);
  });

  it('maps roles as people write them', () => {
    expect(
      ['MP', 'Parliamentary Under-Secretary of State', 'Caseworker', 'Political editor', 'Chef'].map(roleOf),
    ).toEqual(['member', 'minister', 'staffer', 'journalist', 'other']);
  });

  it('is empty without a file, and re-reads a file that changed', () => {
    expect(loadRosterFile(undefined)).toBe(EMPTY_ROSTER);
    const file = join(mkdtempSync(join(tmpdir(), 'roster-')), 'roster.csv');
    const current = watchRosterFile(file);
    expect(current().entries).toHaveLength(0);
    writeFileSync(file, CSV);
    expect(current().entries).toHaveLength(3);
    writeFileSync(file, 'name,role\nOnly One,member\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(current().entries).toHaveLength(1);
  });

  it('turns report targets into one key per person, via the roster when it knows them', () => {
    const roster = parseRoster(CSV, 'csv');
    const r = report({ targets: { names: ['Andrew Fenwick'], emails: ['andrew.fenwick.mp@parliament.uk'] } });
    expect(targetsOf(r, roster)).toEqual([
      {
        key: 'roster:andrew.fenwick.mp@parliament.uk',
        label: 'Rt Hon Andrew Fenwick MP',
        role: 'minister',
        party: 'Labour',
      },
    ]);
    const unknown = report({ targets: { names: ['Nadia Farouk'], emails: ['nadia.farouk@parliament.uk'] } });
    expect(targetsOf(unknown, EMPTY_ROSTER).map((t) => t.key)).toEqual(['name:nadia farouk']);
    const onlyAddress = report({ targets: { emails: ['X@parliament.uk'] } });
    expect(targetsOf(onlyAddress, EMPTY_ROSTER).map((t) => t.key)).toEqual(['email:x@parliament.uk']);
  });
});
