import { describe, expect, it } from 'vitest';
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  parseInstitutionRow,
  readInstitutionSheet,
  readKind,
} from './import.parse.js';

const row = (cells: Partial<Record<ImportColumn, string>>) => {
  const all = Object.fromEntries(Object.keys(IMPORT_COLUMNS).map((c) => [c, ''])) as Record<
    ImportColumn,
    string
  >;
  return parseInstitutionRow({
    row: 2,
    cells: {
      ...all,
      name: '阳光托育',
      kind: '托育中心',
      address: '建北街道1号',
      region_code: '130102001001',
      ...cells,
    },
  });
};
const rules = (cells: Partial<Record<ImportColumn, string>>) =>
  row(cells).problems.map((p) => `${p.field}:${p.code}`);

describe('kinds as county sheets write them', () => {
  it.each([
    ['托育中心', 'childcare_centre'],
    ['托育机构', 'childcare_centre'],
    ['托幼一体', 'kindergarten_nursery'],
    ['幼儿园托班', 'kindergarten_nursery'],
    ['托幼一体（幼儿园托班）', 'kindergarten_nursery'],
    ['家庭托育点', 'home_childcare_point'],
    ['用人单位托育', 'employer_childcare'],
    ['托育服务指导中心', 'childcare_guidance_centre'],
    ['托育综合服务中心', 'training_base'],
    ['培训基地', 'training_base'],
    ['养老机构', 'elderly_care_institution'],
    ['社区养老服务中心', 'community_elderly_centre'],
    ['日间照料中心', 'community_elderly_centre'],
    ['助餐点', 'meal_point'],
    ['老年食堂', 'meal_point'],
    ['社区嵌入式服务设施', 'service_complex'],
    ['综合体', 'service_complex'],
    [' Meal_Point ', 'meal_point'],
    ['Childcare centre', 'childcare_centre'],
  ])('%s → %s', (label, kind) => {
    expect(readKind(label)).toBe(kind);
  });

  it('knows no other', () => {
    expect(readKind('游乐场')).toBeNull();
  });
});

describe('one row on its own', () => {
  it('reads a full row: operator, affordability, price cap, phone, coordinates, status', () => {
    const { value, problems } = row({
      operator: '民办非营利',
      affordable: '是',
      price_cap: '1,800',
      capacity: '60.0',
      phone: '0311-86688888',
      lng: '114.52',
      lat: '38.05',
      status: '已备案',
    });
    expect(problems).toEqual([]);
    expect(value).toMatchObject({
      kind: 'childcare_centre',
      operator: 'private_nonprofit',
      affordable: true,
      priceCap: 1800,
      capacity: 60,
      lng: 114.52,
      lat: 38.05,
      status: 'filed',
      regionCode: '130102001001',
    });
  });

  it('defaults what a sheet leaves empty: non-profit, not affordable, draft', () => {
    expect(row({}).value).toMatchObject({
      operator: 'private_nonprofit',
      affordable: false,
      status: 'draft',
      capacity: null,
    });
  });

  it('accepts a community code stored as an Excel number, refuses a padded township code', () => {
    expect(row({ region_code: '130102001001.0' }).value?.regionCode).toBe('130102001001');
    expect(rules({ region_code: '130102001000' })).toEqual(['region_code:import.region_code_rule']);
    expect(rules({ region_code: '', region_name: '' })).toEqual(['region_code:import.required']);
    expect(row({ region_code: '', region_name: '棉一东社区' }).value).toMatchObject({
      regionCode: null,
      regionName: '棉一东社区',
    });
  });

  it('lists every problem of the row, each naming its column', () => {
    expect(
      rules({
        name: '',
        kind: '乐园',
        operator: '私立',
        affordable: '也许',
        capacity: '-3',
        lng: '200',
        lat: '',
        status: '已注销',
      }),
    ).toEqual([
      'name:import.required',
      'kind:import.kind_unknown',
      'capacity:import.not_integer',
      'operator:import.operator_unknown',
      'affordable:import.yes_no',
      'lng:import.coordinates_range',
      'lat:import.coordinates_pair',
      'status:import.status_unknown',
    ]);
  });

  it('applies the kind’s rules to capacity', () => {
    expect(rules({ kind: '家庭托育点', capacity: '6' })).toEqual(['capacity:import.capacity_max']);
    expect(rules({ kind: '家庭托育点', capacity: '5' })).toEqual([]);
    expect(rules({ kind: '培训基地', capacity: '30' })).toEqual(['capacity:import.capacity_none']);
  });
});

describe('reading the sheet', () => {
  it('finds columns by Chinese or English header, units in brackets ignored, blank rows skipped', async () => {
    const csv =
      '序号,名称,类型,地址,区划代码,托位数（个）\n1,甲,托育中心,某路1号,130102001001,30\n,,,,,\n2,乙,养老机构,某路2号,130102001002,80\n';
    const rows = await readInstitutionSheet({ filename: 'a.csv', buffer: Buffer.from(csv) });
    expect(rows.map((r) => [r.row, r.cells.name, r.cells.capacity])).toEqual([
      [2, '甲', '30'],
      [4, '乙', '80'],
    ]);
  });

  it('needs a region column', async () => {
    const csv = 'name,kind,address\n甲,托育中心,某路1号\n';
    await expect(readInstitutionSheet({ filename: 'a.csv', buffer: Buffer.from(csv) })).rejects.toMatchObject(
      {
        status: 400,
        code: 'import.region_column',
      },
    );
  });
});
