import { maskPhone } from '../../lib/mask.js';
import type { FieldCipher } from '../../lib/secrets.js';
import {
  type AssessmentReason,
  CAPABILITY_ASSESSMENT_2022,
  type CapabilityAssessmentStandard,
  CURRENT_CAPABILITY_ASSESSMENT,
  type Grade,
  type ItemKey,
  type RiskEventKind,
  scoreAssessment,
} from '../../standards/capability-assessment.js';
import { ageOn, maskIdNumber } from '../../standards/id-number.js';
import type { AssessmentRow } from './assessments.records.repo.js';
import { sixtiethBirthday } from './assessments.records.rules.js';
import type { AssessmentView } from './assessments.records.schema.js';

/** The editions an assessment on record may name. */
const EDITIONS: readonly CapabilityAssessmentStandard[] = [CAPABILITY_ASSESSMENT_2022];

export function editionOf(id: string): CapabilityAssessmentStandard {
  return EDITIONS.find((e) => e.id === id) ?? CURRENT_CAPABILITY_ASSESSMENT;
}

/**
 * An assessment as the API shows it. Group maxima come from the edition it was scored by; the
 * final-grade rules that applied are derived again from its stored inputs (which rules held
 * does not depend on the stacking setting, only the final grade does, and that is stored).
 */
export function presentAssessment(row: AssessmentRow): AssessmentView {
  const edition = editionOf(row.standard);
  const scores = row.scores as Record<ItemKey, number>;
  const riskEvents = row.riskEvents30d as RiskEventKind[];
  const { adjustments } = scoreAssessment(
    { scores, coma: row.coma, dementia: row.dementia, riskEvents30d: riskEvents.length },
    { edition },
  );
  const groups = Object.fromEntries(
    edition.groups.map((g) => [g.key, { score: row.groups[g.key] ?? 0, max: g.max }]),
  ) as AssessmentView['groups'];
  return {
    id: row.id,
    personId: row.personId,
    regionCode: row.regionCode,
    assessedOn: row.assessedOn,
    reason: row.reason as AssessmentReason,
    scores,
    coma: row.coma,
    dementia: row.dementia,
    riskEvents30d: riskEvents,
    total: row.total,
    groups,
    initialGrade: row.initialGrade as Grade,
    finalGrade: row.finalGrade as Grade,
    adjustments,
    standard: row.standard,
    nextDueOn: row.nextDueOn,
    assessorName: row.assessorName,
    notes: row.notes,
    minutes: row.minutes,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface PersonFacts {
  id: string;
  name: string;
  sex: string;
  birthDate: string;
  idNumberCipher: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  status: string;
}

/** The person on the assessor's pages: ID number and phone masked, age on `today`, 80+ derived. */
export function presentPerson(
  cipher: FieldCipher,
  p: PersonFacts,
  flags: readonly string[],
  regionName: string | null,
  today: string,
) {
  const age = ageOn(p.birthDate, today);
  return {
    id: p.id,
    name: p.name,
    sex: p.sex,
    birthDate: p.birthDate,
    age,
    sixtiethBirthday: sixtiethBirthday(p.birthDate),
    idNumber: maskIdNumber(cipher.decrypt(p.idNumberCipher)),
    regionCode: p.regionCode,
    regionName,
    address: p.address,
    phone: maskPhone(p.phone),
    status: p.status,
    flags: withAge(flags, age),
  };
}

/** Flags with `aged_80_plus` derived from the age, sorted and without duplicates. */
export function withAge(flags: readonly string[], age: number): string[] {
  return [...new Set(age >= 80 ? [...flags, 'aged_80_plus'] : flags)].sort();
}
