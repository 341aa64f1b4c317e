import type { ReactNode } from 'react';
import type { BookingMember, MealSubsidyBand, Offer } from '../../api/bookings';
import type { Outcome } from './BookAction';

/** What every tab of the booking page gets from the page. */
export interface PanelProps {
  /** This tab's offers over the whole window. */
  offers: Offer[];
  /** The day chosen on the date strip. */
  day: string;
  /** The date strip, placed by the panel where its steps need it. */
  dateStrip: ReactNode;
  members: BookingMember[];
  mealSubsidy?: MealSubsidyBand[];
  /** The first and last day of the window (for enrolment months). */
  today: string;
  onDone: (outcome: Outcome) => void;
}
