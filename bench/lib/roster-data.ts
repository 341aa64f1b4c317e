/**
 * The roster benchmark's data, deterministic: a roster of older people in Hebei (valid GB 11643
 * ID numbers, ages 60–105, flags from three departments in plausible proportions) seeded by
 * COPY, and a health commission file about them as a department sends it (mostly the same
 * people, some new, some disagreeing, some deaths).
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Database } from '../../src/db/client.js';
import type { FieldCipher } from '../../src/lib/secrets.js';
import { csvNullable, csvText } from '../../src/modules/regions/regions.csv.js';
import { buildIdNumber } from '../../src/standards/id-number.js';
import { rng } from './directory-data.js';

/** The day civil affairs (and the other departments) last reported the seeded roster. */
export const SEEN_DAY = '2025-06-30';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎';
const GIVEN = '秀英桂兰淑珍凤兰玉兰建国国华志明德明春生桂芝文华永祥玉梅振华秀兰淑华明福金花素芳宝山';
const STREETS = [
  '建设路',
  '中山路',
  '和平路',
  '胜利街',
  '解放路',
  '新华路',
  '人民路',
  '团结街',
  '光明路',
  '幸福街',
];

/** Flag bits of a seeded person. */
const F = { alone: 1, emptyNest: 2, poverty: 4, allowance: 8, lowIncome: 16, dementia: 32 } as const;

export interface Roster {
  size: number;
  ids: string[];
  names: string[];
  community: Int32Array;
  flags: Uint8Array;
  /** Disability grade 1–4 (disabled federation), 0 when none. */
  grade: Uint8Array;
  communities: string[];
  /** Makes ID numbers that no one on the roster has (new people of the department file). */
  newId: () => { id: string; community: number };
}

/** Person i's address (one in ten with a comma, so the file quotes it) and phone (three in five have one). */
const address = (i: number) =>
  `${STREETS[i % STREETS.length]}${(i % 397) + 1}号${(i % 9) + 1}单元${i % 10 === 0 ? ', 北侧' : ''}`;
const phoneOf = (i: number) => `1${'3589'[i % 4]}${String((i * 2_654_435_761) % 1e9).padStart(9, '0')}`;
const phone = (r: ReturnType<typeof rng>) =>
  `1${r.pick(['3', '5', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;

/** Ages 60–105 thinning out with age (about a fifth 80 or older), as in Hebei's census. */
function birthDate(r: ReturnType<typeof rng>, today: string): string {
  const age = Math.min(105, 60 + Math.floor(-Math.log(1 - r.next()) * 13));
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCFullYear(day.getUTCFullYear() - age - 1);
  day.setUTCDate(day.getUTCDate() + r.int(1, 364));
  return day.toISOString().slice(0, 10);
}

/** `size` people over Hebei's communities. */
export function makeRoster(size: number, communities: string[], today: string): Roster {
  const r = rng(11);
  const sequence = new Map<string, number>();
  const freshId = (community: number) => {
    for (;;) {
      const county = communities[community]!.slice(0, 6);
      const born = birthDate(r, today);
      const key = county + born;
      const next = sequence.get(key) ?? r.int(0, 200);
      if (next > 999) continue;
      sequence.set(key, next + 1);
      return buildIdNumber({ regionCode: county, birthDate: born, sequence: next });
    }
  };
  const roster: Roster = {
    size,
    ids: [],
    names: [],
    community: new Int32Array(size),
    flags: new Uint8Array(size),
    grade: new Uint8Array(size),
    communities,
    newId: () => {
      const community = r.int(0, communities.length - 1);
      return { id: freshId(community), community };
    },
  };
  const chance = (p: number) => r.next() < p;
  for (let i = 0; i < size; i++) {
    const community = r.int(0, communities.length - 1);
    roster.community[i] = community;
    roster.ids.push(freshId(community));
    roster.names.push(`${r.pick([...SURNAMES])}${r.pick([...GIVEN])}${r.pick([...GIVEN])}`);
    roster.flags[i] =
      (chance(0.12) ? F.alone : 0) |
      (chance(0.4) ? F.emptyNest : 0) |
      (chance(0.01) ? F.poverty : 0) |
      (chance(0.03) ? F.allowance : 0) |
      (chance(0.04) ? F.lowIncome : 0) |
      (chance(0.05) ? F.dementia : 0);
    roster.grade[i] = chance(0.06) ? r.int(1, 4) : 0;
  }
  return roster;
}

/** Load the roster as earlier imports would have left it (people, flags by department), by COPY. */
export async function seedRoster(database: Database, cipher: FieldCipher, roster: Roster): Promise<void> {
  const said = { source: 'civil_affairs', value: null, asOf: SEEN_DAY };
  const sources = JSON.stringify({ name: said, region_code: said, address: said });
  const BATCH = 50_000;
  for (let start = 0; start < roster.size; start += BATCH) {
    const people: string[] = [];
    const flags: string[] = [];
    for (let i = start; i < Math.min(roster.size, start + BATCH); i++) {
      const id = randomUUID();
      const idNumber = roster.ids[i]!;
      const seen: Record<string, string> = { civil_affairs: SEEN_DAY };
      const flag = (name: string, source: string, value = '{}') => {
        flags.push([id, name, csvText(value), source, SEEN_DAY].join(','));
        seen[source] = SEEN_DAY;
      };
      const bits = roster.flags[i]!;
      if (bits & F.alone) flag('living_alone', 'civil_affairs');
      if (bits & F.emptyNest) flag('empty_nest', 'civil_affairs');
      if (bits & F.poverty) flag('extreme_poverty', 'civil_affairs');
      if (bits & F.allowance) flag('minimum_allowance', 'civil_affairs');
      if (bits & F.lowIncome) flag('low_income', 'civil_affairs');
      if (bits & F.dementia) flag('dementia', 'health');
      if (roster.grade[i])
        flag('disabled', 'disabled_federation', JSON.stringify({ grade: roster.grade[i] }));
      const sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
      const born = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
      people.push(
        [
          id,
          cipher.encrypt(idNumber),
          cipher.blindIndex(idNumber),
          csvText(roster.names[i]!),
          sex,
          born,
          roster.communities[roster.community[i]!],
          csvText(address(i)),
          csvNullable(i % 5 < 3 ? phoneOf(i) : null),
          'active',
          csvText(sources),
          csvText(JSON.stringify(seen)),
        ].join(','),
      );
    }
    const columns =
      'id id_number_cipher id_number_index name sex birth_date region_code address phone status field_sources seen_by';
    await database.copyCsv('older_people', columns.split(' '), `${people.join('\n')}\n`);
    await database.copyCsv(
      'person_flags',
      ['person_id', 'flag', 'value', 'source', 'as_of'],
      `${flags.join('\n')}\n`,
    );
  }
}

export interface FileMix {
  rows: number;
  existing: number;
  created: number;
  names: number;
  addresses: number;
  newDementia: number;
  deaths: number;
  deathsBeforeSeen: number;
  grades: number;
  gradeDisagreements: number;
}

/** A CSV field, quoted only when it needs to be (as spreadsheet programs write it). */
const cell = (text: string) => (/[",\n]/.test(text) ? csvText(text) : text);

const HEADER = '身份证号,姓名,区划代码,地址,联系电话,失智,残疾等级,户籍状态,日期';

/**
 * The health commission's file of `rows` people: 96 % on the roster (in shuffled order), 4 % new.
 * Of those on the roster about 1 % with another name and 1.5 % another address (conflicts: civil
 * affairs gave them), phones mostly as known (2 % new numbers), dementia as health knows it (0.5 % newly diagnosed, a
 * few no longer), disability grades (mostly agreeing, 1 in 12 not: a conflict with the disabled
 * federation), and 0.8 % deaths — half dated after civil affairs last saw the person (the record
 * closes), half before (a conflict).
 */
export function writeDepartmentFile(path: string, roster: Roster, rows: number, today: string): FileMix {
  const r = rng(23);
  const existing = Math.min(roster.size, Math.round(rows * 0.96));
  const order = Int32Array.from({ length: roster.size }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const mix: FileMix = {
    rows,
    existing,
    created: rows - existing,
    names: 0,
    addresses: 0,
    newDementia: 0,
    deaths: 0,
    deathsBeforeSeen: 0,
    grades: 0,
    gradeDisagreements: 0,
  };
  const fd = openSync(path, 'w');
  writeSync(fd, `${HEADER}\n`);
  let out: string[] = [];
  const daysAfterSeen = Math.max(1, (Date.parse(today) - Date.parse(SEEN_DAY)) / 86_400_000 - 1);
  for (let k = 0; k < rows; k++) {
    let line: (string | number)[];
    if (k < existing) {
      const i = order[k]!;
      let name = roster.names[i]!;
      let addr = address(i);
      const roll = r.next();
      if (roll < 0.01) {
        name = `${name.slice(0, 1)}${r.pick([...GIVEN])}`;
        mix.names++;
      } else if (roll < 0.025) {
        addr = `${STREETS[(i + 3) % STREETS.length]}${(i % 211) + 1}号`;
        mix.addresses++;
      }
      let dementia = (roster.flags[i]! & F.dementia) !== 0;
      if (!dementia && r.next() < 0.005) {
        dementia = true;
        mix.newDementia++;
      } else if (dementia && r.next() < 0.05) dementia = false;
      let grade: number | string = '';
      if (roster.grade[i]) {
        mix.grades++;
        grade = roster.grade[i]!;
        if (r.next() < 1 / 12) {
          grade = (Number(grade) % 4) + 1;
          mix.gradeDisagreements++;
        }
      }
      let status = '';
      let on = '';
      if (r.next() < 0.008) {
        mix.deaths++;
        status = '死亡';
        const before = r.next() < 0.5;
        if (before) mix.deathsBeforeSeen++;
        const day = new Date(Date.parse(before ? '2025-01-01' : SEEN_DAY));
        day.setUTCDate(day.getUTCDate() + (before ? r.int(0, 170) : r.int(1, daysAfterSeen)));
        on = day.toISOString().slice(0, 10);
      }
      line = [
        roster.ids[i]!,
        name,
        roster.communities[roster.community[i]!]!,
        cell(addr),
        // Health knows half the phones civil affairs has, and 2 % of people by a new number.
        r.next() < 0.02 ? phone(r) : i % 5 < 3 && r.next() < 0.5 ? phoneOf(i) : '',
        dementia ? '是' : '否',
        grade,
        status,
        on,
      ];
    } else {
      const { id, community } = roster.newId();
      line = [
        id,
        `${r.pick([...SURNAMES])}${r.pick([...GIVEN])}`,
        roster.communities[community]!,
        cell(address(k)),
        phone(r),
        r.next() < 0.05 ? '是' : '否',
        '',
        '',
        '',
      ];
    }
    out.push(line.join(','));
    if (out.length >= 20_000) {
      writeSync(fd, `${out.join('\n')}\n`);
      out = [];
    }
  }
  if (out.length > 0) writeSync(fd, `${out.join('\n')}\n`);
  closeSync(fd);
  return mix;
}
