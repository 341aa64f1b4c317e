import { maskPhone } from '../../lib/mask.js';
import { ageInMonths } from '../../standards/childcare-classes.js';
import { maskIdNumber } from '../../standards/id-number.js';
import type { MemberRow } from './households.repo.js';
import { healthCheckValidUntil, type MemberKind } from './households.rules.js';
import type { MemberView } from './households.schema.js';

/** A member as the API shows it: ID number and phone masked, age and report validity as of `today`. */
export function presentMember(row: MemberRow, validMonths: number, today: string): MemberView {
  return {
    id: row.id,
    relation: row.relation,
    kind: row.kind as MemberKind,
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    ageMonths: Math.max(0, ageInMonths(row.birthDate, today)),
    idNumber: row.idNumberMasked,
    phone: maskPhone(row.phone),
    vaccinationStatus: row.vaccinationStatus,
    vaccinationCheckedOn: row.vaccinationCheckedOn,
    healthCheckOn: row.healthCheckOn,
    healthCheckResult: row.healthCheckResult,
    healthCheckValidUntil: healthCheckValidUntil(row.healthCheckOn, validMonths),
    canPickUp: row.canPickUp,
  };
}

/** What the audit trail keeps of a member: particulars with the ID number and phone masked. */
export function memberSnapshot(row: MemberRow) {
  return {
    relation: row.relation,
    kind: row.kind,
    name: row.name,
    sex: row.sex,
    birthDate: row.birthDate,
    idNumber: row.idNumberMasked,
    phone: maskPhone(row.phone),
    vaccinationStatus: row.vaccinationStatus,
    vaccinationCheckedOn: row.vaccinationCheckedOn,
    healthCheckOn: row.healthCheckOn,
    healthCheckResult: row.healthCheckResult,
    canPickUp: row.canPickUp,
    status: row.status,
  };
}

/** The columns that hold an ID number: ciphertext, blind index and the masked copy. */
export function sealIdNumber(
  cipher: { encrypt(plain: string): string; blindIndex(value: string): string },
  idNumber: string | null,
) {
  if (!idNumber) return { idNumberCipher: null, idNumberIndex: null, idNumberMasked: null };
  return {
    idNumberCipher: cipher.encrypt(idNumber),
    idNumberIndex: cipher.blindIndex(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
  };
}
