/**
 * The rules a household member's particulars follow: the kind derived from the age, the ID number
 * agreeing with birth date and sex, no dates in the future, who may pick children up, and how long
 * an admission health report counts. Pure functions, no I/O.
 */
import { AppError, M } from '../../server/errors.js';
import type { Lang } from '../../server/i18n.js';
import { ageInMonths } from '../../standards/childcare-classes.js';
import { ageOn, parseIdNumber, type Sex } from '../../standards/id-number.js';
import { addMonths } from '../bookings/days.js';
import { HM, SEX_NAMES } from './households.messages.js';

export type MemberKind = 'child' | 'older' | 'adult';

/** Children under 36 months are in childcare's scope; people of 60 and over are older people. */
export const CHILD_UNDER_MONTHS = 36;
export const OLDER_FROM_YEARS = 60;
/** Who may drop off and pick up children: adults of 18 and over. */
export const PICKUP_FROM_YEARS = 18;

export function memberKind(birthDate: string, today: string): MemberKind {
  if (ageInMonths(birthDate, today) < CHILD_UNDER_MONTHS) return 'child';
  if (ageOn(birthDate, today) >= OLDER_FROM_YEARS) return 'older';
  return 'adult';
}

export interface Identity {
  /** Normalised 18-character number, or null when none is given. */
  idNumber: string | null;
  birthDate: string;
  sex: Sex | null;
}

/**
 * Birth date and sex from the ID number when there is one; a birth date or sex given as well must
 * agree with it (400 naming `idNumber`). Without an ID number the birth date is required.
 */
export function resolveIdentity(
  given: { idNumber?: string | null; birthDate?: string | null; sex?: Sex | null },
  lang: Lang,
): Identity {
  if (given.idNumber) {
    const parsed = parseIdNumber(given.idNumber);
    if (!parsed.valid)
      throw new AppError(400, `idnumber.${parsed.reason}`, { field: 'idNumber' }, 'idNumber');
    if (given.birthDate && given.birthDate !== parsed.birthDate) {
      throw new AppError(
        400,
        HM['household.id_birth_date_mismatch'],
        { fromId: parsed.birthDate, given: given.birthDate },
        'idNumber',
      );
    }
    if (given.sex && given.sex !== parsed.sex) {
      throw new AppError(
        400,
        HM['household.id_sex_mismatch'],
        { fromId: SEX_NAMES[parsed.sex][lang] },
        'idNumber',
      );
    }
    return { idNumber: parsed.normalized, birthDate: parsed.birthDate, sex: parsed.sex };
  }
  if (!given.birthDate) throw new AppError(400, HM['household.birth_date_required'], {}, 'birthDate');
  return { idNumber: null, birthDate: given.birthDate, sex: given.sex ?? null };
}

/** 400 naming the field when a day lies after today. */
export function assertNotFuture(field: string, day: string | null | undefined, today: string): void {
  if (day && day > today) throw new AppError(400, HM['household.date_in_future'], { field, today }, field);
}

/** The dates of a member must be in the past, and the health check after the birth. */
export function assertMemberDates(
  values: { birthDate: string; healthCheckOn?: string | null; vaccinationCheckedOn?: string | null },
  today: string,
): void {
  assertNotFuture('birthDate', values.birthDate, today);
  assertNotFuture('healthCheckOn', values.healthCheckOn, today);
  assertNotFuture('vaccinationCheckedOn', values.vaccinationCheckedOn, today);
  if (values.healthCheckOn && values.healthCheckOn < values.birthDate) {
    throw new AppError(400, HM['household.health_check_before_birth'], {}, 'healthCheckOn');
  }
  if (values.vaccinationCheckedOn && values.vaccinationCheckedOn < values.birthDate) {
    throw new AppError(
      400,
      M['validation.invalid'],
      { field: 'vaccinationCheckedOn', detail: values.vaccinationCheckedOn },
      'vaccinationCheckedOn',
    );
  }
}

/** Only members of 18 and over go on the drop-off / pick-up list. */
export function assertMayPickUp(name: string, birthDate: string, today: string): void {
  const years = ageOn(birthDate, today);
  if (years < PICKUP_FROM_YEARS) {
    throw new AppError(400, HM['household.pickup_age'], { name, years }, 'canPickUp');
  }
}

/** The last day an admission health check counts: the check day plus the region's months. */
export function healthCheckValidUntil(healthCheckOn: string | null, months: number): string | null {
  return healthCheckOn ? addMonths(healthCheckOn, months) : null;
}
