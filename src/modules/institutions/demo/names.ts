import type { Random } from './random.js';

/**
 * The words the demo register is made of: people's names, brand words, roads, employers, and
 * well-formed identifiers (unified social credit codes, phone numbers). Invented, never real.
 */

/** Common surnames, most frequent first (drawn with a bias towards the front). */
const SURNAMES = [
  ...'王李张刘赵杨陈高孙马郭吴周徐黄胡朱田宋何林郑韩冯曹许邓董谢韩石韦贾崔程袁魏霍梁杜任彭卢蒋吕姚苏丁范宁谷史侯邢齐康白付孟薛段郝武谭申邱',
].filter((c, i, all) => all.indexOf(c) === i);
const FEMALE_GIVEN = [...'丽静敏燕艳娟霞芳婷雪慧玲红梅莉佳欣颖琳晓璐倩宁洁琪悦彤萌然雅淑'];
const MALE_GIVEN = [...'伟强磊军勇杰涛超明刚平辉鹏华飞鑫波斌宇浩峰亮健凯龙帅振建国'];

/** A Chinese name of the given sex: surname plus one or two given characters. */
export function personName(random: Random, sex: 'male' | 'female'): string {
  const surname = SURNAMES[Math.floor(SURNAMES.length * random() ** 2)]!;
  const pool = sex === 'female' ? FEMALE_GIVEN : MALE_GIVEN;
  const given = random.chance(0.7) ? random.pick(pool) + random.pick(pool) : random.pick(pool);
  return surname + (given.length === 2 && given[0] === given[1] ? given[0]! : given);
}

/** Brand words of childcare centres (invented). */
export const CHILDCARE_BRANDS = [
  '小太阳',
  '贝贝佳',
  '童心',
  '爱心宝贝',
  '启明星',
  '小橡树',
  '彩虹桥',
  '蓝天',
  '向日葵',
  '小蜜蜂',
  '快乐宝贝',
  '金色童年',
  '禾苗',
  '小海豚',
  '星星树',
  '七色花',
  '小天使',
  '嘟嘟熊',
  '乐育',
  '安心',
  '悦童',
  '童乐',
  '小脚丫',
  '萌芽',
  '暖阳',
  '晨曦',
  '小树苗',
  '贝乐',
  '睿宝',
  '育苗',
  '小橙子',
  '小雨点',
  '春芽',
  '亲亲宝贝',
  '小飞象',
  '和美',
  '馨园',
  '爱贝',
] as const;

export const CENTRE_SUFFIXES = [
  '托育中心',
  '托育中心',
  '托育中心',
  '托育园',
  '婴幼儿照护中心',
  '托育服务中心',
] as const;

/** Fictional chains that run several centres. */
export const CHAINS = ['小橡树托育连锁', '启明星托育集团', '童心托育服务有限公司', '爱育托育连锁'] as const;

/** Brand words of private elderly care homes (invented). */
export const ELDERLY_BRANDS = [
  '颐和',
  '康乐',
  '福寿',
  '夕阳红',
  '松鹤',
  '安康',
  '福苑',
  '悦年',
  '长青',
  '乐龄',
  '慈惠',
  '椿萱',
] as const;

const ROADS = [
  '中山路',
  '建设大街',
  '和平路',
  '胜利大街',
  '裕华路',
  '育才街',
  '友谊大街',
  '光明路',
  '人民路',
  '新华路',
  '解放路',
  '朝阳路',
  '东风路',
  '学府路',
  '民族路',
  '平安大街',
  '槐安路',
  '体育大街',
  '青园街',
  '建华大街',
  '红旗大街',
  '自强路',
  '文化路',
  '振兴路',
  '幸福路',
  '团结路',
  '迎宾路',
  '府前街',
  '向阳路',
  '滨河路',
  '健康路',
] as const;

/** A street address inside a township: road and house number. */
export function streetAddress(random: Random): string {
  return `${random.pick(ROADS)}${random.int(1, 399)}号`;
}

/** Employers that run a staff nursery, named after their county or city. */
export function employerName(random: Random, countyName: string, cityName: string): string {
  return random.pick([
    `${countyName}人民医院`,
    `${countyName}中医院`,
    `${countyName}妇幼保健院`,
    `${countyName}机关事务服务中心`,
    `${cityName}${countyName}供电公司`,
    `${countyName}经济开发区`,
  ]);
}

/** A community's everyday name: 棉一东社区居民委员会 → 棉一东社区, 东关村民委员会 → 东关村. */
export function communityShortName(name: string): string {
  return name
    .replace(/社区居民委员会$|社区居委会$/, '社区')
    .replace(/居民委员会$|居委会$/, '社区')
    .replace(/村民委员会$|村委会$/, '村');
}

/** A city's everyday name: 石家庄市 → 石家庄. */
export function cityShortName(name: string): string {
  return name.replace(/市$/, '');
}

const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A well-formed unified social credit code (GB 32100): registration authority and type
 * (`12` public institution, `52` private non-profit, `91` company), county, organisation code
 * with its GB 11714 check character, and the final check character.
 */
export function creditCode(random: Random, operator: string, countyCode: string): string {
  const type = operator === 'public' ? '12' : operator === 'private_nonprofit' ? '52' : '91';
  let org = '';
  for (let i = 0; i < 8; i++) org += String(random.int(0, 9));
  const orgSum = ORG_WEIGHTS.reduce((sum, w, i) => sum + w * Number(org[i]), 0);
  const orgCheck = 11 - (orgSum % 11);
  org += orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck);
  const body = `${type}${countyCode}${org}`;
  const sum = [...body].reduce((total, ch, i) => total + CREDIT_CHARSET.indexOf(ch) * CREDIT_WEIGHTS[i]!, 0);
  return body + CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

const MOBILE_PREFIXES = [
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '157',
  '158',
  '159',
  '182',
  '187',
  '130',
  '131',
  '132',
  '155',
  '156',
  '185',
  '133',
  '153',
  '180',
  '189',
  '199',
];

/** A mobile number of the usual shape. */
export function mobileNumber(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/** Telephone area codes of Hebei's cities. */
const AREA_CODES: Readonly<Record<string, string>> = {
  '1301': '0311',
  '1302': '0315',
  '1303': '0335',
  '1304': '0310',
  '1305': '0319',
  '1306': '0312',
  '1307': '0313',
  '1308': '0314',
  '1309': '0317',
  '1310': '0316',
  '1311': '0318',
};

/** A landline number in the city of `code`. */
export function landlineNumber(random: Random, code: string): string {
  return `${AREA_CODES[code.slice(0, 4)] ?? '0311'}-${random.pick(['8', '6', '5'])}${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
}

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (class names). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
