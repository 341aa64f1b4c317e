import type { FieldCipher } from '../../../lib/secrets.js';
import { buildIdNumber } from '../../../standards/id-number.js';
import {
  CERTIFICATES_FOR_ALL,
  type CertificateKind,
  type EducationLevel,
  requiredCertificates,
  type StaffRole,
} from '../../../standards/staff-requirements.js';
import { addDays, addMonths } from './dates.js';
import { mobileNumber, personName } from './names.js';
import type { Random } from './random.js';
import type { SeedRows } from './types.js';

/** What every staff member drawn shares: the generator, the cipher, today and the numbers used. */
export interface StaffContext {
  random: Random;
  cipher: FieldCipher;
  today: string;
  /** ID numbers handed out so far (each person once). */
  idNumbers: Set<string>;
  /** Hebei county codes people may come from (their ID number's region). */
  homeCounties: readonly string[];
}

export interface StaffInput {
  institutionId: string;
  countyCode: string;
  role: StaffRole;
  classId?: string | null;
  /** Childcare staff hold every certificate the standard asks of the role; others the basic two. */
  childcare: boolean;
  /** Force the state of the health certificate (the demo centre shows one of each). */
  health?: 'valid' | 'expiring' | 'expired';
}

const PROFILE = {
  head: { female: 0.8, age: [30, 55], education: ['college', 'bachelor', 'bachelor', 'master'] },
  carer: {
    female: 0.96,
    age: [21, 50],
    education: ['secondary_vocational', 'college', 'college', 'bachelor'],
  },
  health: { female: 0.9, age: [24, 52], education: ['college', 'bachelor'] },
  guard: { female: 0.1, age: [30, 58], education: ['junior_secondary', 'senior_secondary'] },
  cook: { female: 0.6, age: [28, 55], education: ['junior_secondary', 'senior_secondary'] },
  teacher: { female: 0.85, age: [23, 45], education: ['college', 'bachelor'] },
  other: { female: 0.6, age: [25, 55], education: ['senior_secondary', 'college'] },
} as const satisfies Record<
  StaffRole,
  { female: number; age: readonly [number, number]; education: readonly EducationLevel[] }
>;

/** Training hours recorded with a training certificate. */
const HOURS: Partial<Record<CertificateKind, number>> = {
  carer_training: 120,
  head_training: 60,
  health_staff_training: 40,
  first_aid: 16,
  fire_safety: 8,
  food_safety: 8,
};

/** Add one staff member with an encrypted, indexed ID number and the certificates of the role. */
export function addStaff(seed: SeedRows, ctx: StaffContext, input: StaffInput): string {
  const { random, today } = ctx;
  const profile = PROFILE[input.role];
  const female = random.chance(profile.female);
  const age = random.int(profile.age[0], profile.age[1]);
  const birthDate = addDays(`${Number(today.slice(0, 4)) - age}-01-01`, random.int(0, 364));
  const idNumber = drawIdNumber(ctx, input.countyCode, birthDate, female);
  const id = random.uuid();
  const hiredOn = addDays(today, -random.int(90, 8 * 365));
  seed.staff.push({
    id,
    institution_id: input.institutionId,
    name: personName(random, female ? 'female' : 'male'),
    role: input.role,
    id_number_cipher: ctx.cipher.encrypt(idNumber),
    id_number_index: ctx.cipher.blindIndex(idNumber),
    phone: mobileNumber(random),
    education: random.pick(profile.education),
    management_years: input.role === 'head' ? random.int(3, 15) : null,
    class_id: input.classId ?? null,
    hired_on: hiredOn,
  });
  const kinds = input.childcare ? requiredCertificates(input.role) : [...CERTIFICATES_FOR_ALL];
  for (const kind of kinds) addCertificate(seed, ctx, id, kind, hiredOn, input);
  return id;
}

function drawIdNumber(ctx: StaffContext, countyCode: string, birthDate: string, female: boolean): string {
  const { random } = ctx;
  for (;;) {
    const local = countyCode[4] !== '7' && random.chance(0.8);
    const regionCode = local ? countyCode : random.pick(ctx.homeCounties);
    const sequence = random.int(0, 499) * 2 + (female ? 0 : 1);
    const idNumber = buildIdNumber({ regionCode, birthDate, sequence });
    if (!ctx.idNumbers.has(idNumber)) {
      ctx.idNumbers.add(idNumber);
      return idNumber;
    }
  }
}

function addCertificate(
  seed: SeedRows,
  ctx: StaffContext,
  staffId: string,
  kind: CertificateKind,
  hiredOn: string,
  input: StaffInput,
): void {
  const { random, today } = ctx;
  let issuedOn: string;
  let expiresOn: string | null = null;
  let number: string | null = null;
  if (kind === 'health_certificate') {
    const state =
      input.health ?? (random.chance(0.006) ? 'expired' : random.chance(0.012) ? 'expiring' : 'valid');
    if (state === 'expired') expiresOn = addDays(today, -random.int(1, 45));
    else if (state === 'expiring') expiresOn = addDays(today, random.int(1, 30));
    else expiresOn = addDays(today, random.int(45, 364));
    issuedOn = addDays(addMonths(expiresOn, -12), 1);
    number = `JK${issuedOn.slice(0, 4)}${input.countyCode}${String(random.int(0, 99_999)).padStart(5, '0')}`;
  } else if (kind === 'first_aid') {
    issuedOn = addDays(today, -random.int(30, 900));
    expiresOn = addDays(addMonths(issuedOn, 36), -1);
  } else if (kind === 'diploma') {
    issuedOn = addDays(hiredOn, -random.int(365 * 3, 365 * 15));
  } else {
    issuedOn = addDays(hiredOn, -random.int(0, 200));
    if (kind === 'guard_licence')
      number = `BA${input.countyCode}${String(random.int(0, 999_999)).padStart(6, '0')}`;
  }
  seed.staff_certificates.push({
    id: random.uuid(),
    staff_id: staffId,
    kind,
    number,
    issued_on: issuedOn,
    expires_on: expiresOn,
    hours: HOURS[kind] ?? null,
  });
}
