/**
 * Demo programs for Shijiazhuang (1301), modelled on STANDARDS §5 (Beijing's amounts): the age
 * allowance in three bands, hardship subsidies, disability care by capability grade, home-care
 * service quotas and a meal discount for everyone 60 and over — all data, changeable on /programs.
 * Idempotent: a program whose code already exists in 1301 is left alone.
 */
import type { Db } from '../../db/client.js';
import { systemContext } from '../../server/context.js';
import { mutate } from '../audit/audit.service.js';
import * as repo from './programs.repo.js';
import { type Benefit, type Eligibility, toStoredBenefit } from './programs.rules.js';

interface DemoProgram {
  code: string;
  name: string;
  description: string;
  eligibility: Eligibility;
  benefit: Benefit;
  autoEnrol: boolean;
}

const yuan = (amount: number): Benefit => ({ kind: 'monthly_amount', amount });

export const DEMO_PROGRAMS: readonly DemoProgram[] = [
  {
    code: 'AGE_ALLOWANCE_80',
    name: '高龄津贴（80–89岁）',
    description: '年满80周岁不满90周岁的户籍老年人，每人每月100元。',
    eligibility: { minAge: 80, maxAge: 89 },
    benefit: yuan(100),
    autoEnrol: true,
  },
  {
    code: 'AGE_ALLOWANCE_90',
    name: '高龄津贴（90–99岁）',
    description: '年满90周岁不满100周岁的老年人，每人每月500元。',
    eligibility: { minAge: 90, maxAge: 99 },
    benefit: yuan(500),
    autoEnrol: true,
  },
  {
    code: 'AGE_ALLOWANCE_100',
    name: '百岁老人津贴',
    description: '年满100周岁的老年人，每人每月800元。',
    eligibility: { minAge: 100 },
    benefit: yuan(800),
    autoEnrol: true,
  },
  {
    code: 'HARDSHIP_EXTREME_POVERTY',
    name: '困难老年人补贴（特困）',
    description: '特困供养老年人，每人每月300元。',
    eligibility: { allFlags: ['extreme_poverty'] },
    benefit: yuan(300),
    autoEnrol: true,
  },
  {
    code: 'HARDSHIP_MINIMUM_ALLOWANCE',
    name: '困难老年人补贴（低保）',
    description: '最低生活保障家庭中的老年人，每人每月200元。',
    eligibility: { allFlags: ['minimum_allowance'] },
    benefit: yuan(200),
    autoEnrol: true,
  },
  {
    code: 'HARDSHIP_LOW_INCOME',
    name: '困难老年人补贴（低收入）',
    description: '低收入家庭中的老年人，每人每月100元。',
    eligibility: { allFlags: ['low_income'] },
    benefit: yuan(100),
    autoEnrol: true,
  },
  {
    code: 'DISABILITY_CARE_COMPLETE',
    name: '失能老年人护理补贴（完全失能）',
    description: '能力评估为完全失能的老年人，每人每月600元。',
    eligibility: { grades: ['complete'] },
    benefit: yuan(600),
    autoEnrol: true,
  },
  {
    code: 'DISABILITY_CARE_SEVERE',
    name: '失能老年人护理补贴（重度失能）',
    description: '能力评估为重度失能的老年人，每人每月400元。',
    eligibility: { grades: ['severe'] },
    benefit: yuan(400),
    autoEnrol: true,
  },
  {
    code: 'DISABILITY_CARE_MODERATE',
    name: '失能老年人护理补贴（中度失能）',
    description: '能力评估为中度失能的老年人，每人每月200元。',
    eligibility: { grades: ['moderate'] },
    benefit: yuan(200),
    autoEnrol: true,
  },
  {
    code: 'HOMECARE_ALONE_80',
    name: '居家上门服务（80岁以上独居）',
    description: '80周岁以上独居老年人，经申请每月享受240分钟上门服务。',
    eligibility: { minAge: 80, anyFlags: ['living_alone'] },
    benefit: { kind: 'service_quota', minutesPerMonth: 240 },
    autoEnrol: false,
  },
  {
    code: 'HOMECARE_DISABLED',
    name: '居家上门服务（中度及以上失能）',
    description: '能力评估为中度、重度或完全失能的老年人，经申请每月享受240分钟上门服务。',
    eligibility: { grades: ['moderate', 'severe', 'complete'] },
    benefit: { kind: 'service_quota', minutesPerMonth: 240 },
    autoEnrol: false,
  },
  {
    code: 'MEAL_DISCOUNT_60',
    name: '老年助餐优惠',
    description: '60周岁以上老年人在社区老年食堂就餐，每餐优惠3元（每天一餐）。',
    eligibility: { minAge: 60 },
    benefit: { kind: 'meal_discount', perMeal: 3 },
    autoEnrol: true,
  },
];

/** Create the demo programs of 1301 that do not exist yet; returns how many were created. */
export async function seedDemoPrograms(db: Db, startsOn = '2024-01-01'): Promise<number> {
  return mutate(db, systemContext(), async (tx, audit) => {
    const created: string[] = [];
    for (const p of DEMO_PROGRAMS) {
      const id = await repo.insertProgram(tx, {
        regionPrefix: '1301',
        code: p.code,
        name: p.name,
        description: p.description,
        eligibility: p.eligibility,
        benefit: toStoredBenefit(p.benefit),
        autoEnrol: p.autoEnrol,
        startsOn,
        endsOn: null,
        createdBy: null,
      });
      if (id) created.push(p.code);
    }
    if (created.length > 0) {
      await audit({
        action: 'program.demo_seed',
        entityType: 'program',
        regionCode: '1301',
        after: { created },
      });
    }
    return created.length;
  });
}
