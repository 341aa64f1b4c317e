import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { PublishInput, ServiceKey } from '../../api/places';
import { DAY_FORMAT } from './calendar-range';

/** What the publish drawer's form holds. */
export interface PublishValues {
  service: ServiceKey;
  form: string;
  classId?: string;
  range: [Dayjs, Dayjs];
  startsAt: Dayjs;
  endsAt: Dayjs;
  slotMinutes?: number | null;
  capacity: number;
  price?: number | null;
  cutoffMinutes?: number | null;
  title?: string;
  dishes?: string[];
  includeRestDays: boolean;
}

/** Usual hours (and slot length) of each form, to prefill the form; the institution may change them. */
export const FORM_DEFAULTS: Record<string, { startsAt: string; endsAt: string; slotMinutes?: number }> = {
  full_day: { startsAt: '08:00', endsAt: '17:30' },
  half_day_am: { startsAt: '08:00', endsAt: '12:00' },
  half_day_pm: { startsAt: '13:30', endsAt: '17:30' },
  hourly: { startsAt: '08:00', endsAt: '18:00', slotMinutes: 60 },
  temporary: { startsAt: '08:00', endsAt: '17:30' },
  consultation: { startsAt: '09:00', endsAt: '11:00', slotMinutes: 30 },
  developmental_check: { startsAt: '09:00', endsAt: '11:00', slotMinutes: 30 },
  training_course: { startsAt: '14:00', endsAt: '16:00' },
  breakfast: { startsAt: '07:00', endsAt: '08:30' },
  lunch: { startsAt: '11:00', endsAt: '13:00' },
  dinner: { startsAt: '17:00', endsAt: '18:30' },
};

/** How a form is priced (src/modules/bookings/services.ts): per month, per slot or per booking. */
export function pricingOf(form: string | undefined): 'month' | 'slot' | 'each' {
  if (form === 'full_day' || form === 'half_day_am' || form === 'half_day_pm') return 'month';
  if (form === 'hourly') return 'slot';
  return 'each';
}

/** Whether the form cuts its hours into slots (hourly care and appointments). */
export function usesSlots(service: ServiceKey | undefined, form: string | undefined): boolean {
  return form === 'hourly' || service === 'appointment';
}

export function timeOf(hhmm: string): Dayjs {
  return dayjs(`2000-01-01T${hhmm}`);
}

/** The form's values as the API's body; optional fields left out when empty. */
export function toPublishInput(values: PublishValues): PublishInput {
  const input: PublishInput = {
    service: values.service,
    form: values.form,
    from: values.range[0].format(DAY_FORMAT),
    to: values.range[1].format(DAY_FORMAT),
    startsAt: values.startsAt.format('HH:mm'),
    endsAt: values.endsAt.format('HH:mm'),
    capacity: values.capacity,
    includeRestDays: values.includeRestDays,
  };
  if (values.service === 'childcare' && values.classId) input.classId = values.classId;
  if (usesSlots(values.service, values.form) && values.slotMinutes) input.slotMinutes = values.slotMinutes;
  if (values.price !== null && values.price !== undefined) input.price = values.price;
  if (values.cutoffMinutes !== null && values.cutoffMinutes !== undefined) {
    input.cutoffMinutes = values.cutoffMinutes;
  }
  if (values.service === 'appointment' && values.title?.trim()) input.title = values.title.trim();
  if (values.service === 'meal') {
    const dishes = (values.dishes ?? []).map((d) => d.trim()).filter(Boolean);
    if (dishes.length > 0) input.details = { dishes };
  }
  return input;
}

/** The form field an API error names (the API's `from`/`to` are the range picker here). */
export function publishFieldOf(field: string | undefined): keyof PublishValues | undefined {
  if (!field) return undefined;
  const name = field.replace(/^(body|querystring|params)\./, '').split('.')[0];
  if (name === 'from' || name === 'to') return 'range';
  if (name === 'details') return 'dishes';
  const known: (keyof PublishValues)[] = [
    'service',
    'form',
    'classId',
    'startsAt',
    'endsAt',
    'slotMinutes',
    'capacity',
    'price',
    'cutoffMinutes',
    'title',
  ];
  return known.find((k) => k === name);
}
