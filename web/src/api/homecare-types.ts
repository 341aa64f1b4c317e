/** Shapes of the door-to-door services API (docs/API.md); re-exported from homecare.ts. */
import type { Page } from './types';

export type { Page };

export interface ServiceItem {
  id: string;
  regionPrefix: string;
  code: string;
  name: string;
  type: string;
  durationMinutes: number;
  price: number;
  category: 'core' | 'package' | 'other';
  packageName: string | null;
  description: string | null;
  status: string;
}

export interface ProviderItem extends ServiceItem {
  menuPrice: number;
  ownPrice: number | null;
}

export interface ProviderItems {
  institutionId: string;
  institutionName: string;
  regionCode: string;
  items: ProviderItem[];
}

export interface Provider {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
  status: string;
  itemCount: number;
}

export interface Fix {
  at: string;
  lat: number | null;
  lng: number | null;
  distanceM: number | null;
}

export type VisitStatus = 'open' | 'completed' | 'verified' | 'exception' | 'approved' | 'rejected';

export interface Visit {
  id: string;
  orderId: string;
  status: VisitStatus;
  day: string;
  serviceType: string;
  caregiverId: string;
  caregiverName: string | null;
  checkIn: Fix;
  checkOut: Fix | null;
  minutes: number | null;
  exceptions: { code: string; message: string }[];
  exceptionReason: string | null;
  reviewedAt: string | null;
  confirmedAt: string | null;
  confirmedBy: 'family' | 'community_worker' | null;
  rating: number | null;
  ratingComment: string | null;
  verified: boolean;
}

export type OrderStatus =
  | 'requested'
  | 'assigned'
  | 'in_progress'
  | 'completed'
  | 'verified'
  | 'exception'
  | 'cancelled';

export interface ServiceOrder {
  id: string;
  status: OrderStatus;
  person: {
    id: string;
    name: string;
    age: number;
    regionCode: string;
    address: string | null;
    phone: string | null;
    homeKnown: boolean;
  };
  item: { id: string; code: string; name: string; type: string; category: string };
  providerId: string | null;
  providerName: string | null;
  caregiverId: string | null;
  caregiverName: string | null;
  source: string;
  scheduledOn: string;
  startsAt: string | null;
  durationMinutes: number;
  price: number;
  subsidy: number | null;
  own: number | null;
  programId: string | null;
  notes: string | null;
  createdAt: string;
  visit: Visit | null;
}

export interface OrderInput {
  personId: string;
  itemId: string;
  providerId: string;
  scheduledOn: string;
  startsAt?: string | null;
  notes?: string | null;
}

export interface OrderFilters {
  status?: string;
  providerId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface SettlementLine {
  visitId: string;
  orderId: string;
  day: string;
  personId: string;
  personName: string;
  itemCode: string;
  itemName: string;
  caregiverName: string | null;
  checkInAt: string | null;
  checkOutAt: string | null;
  minutes: number | null;
  visitStatus: string;
  status: 'paid' | 'held';
  price: number;
  subsidy: number;
  own: number;
  programId: string | null;
  reasons: { code: string; message: string }[];
}

export interface Settlement {
  id: string;
  providerId: string;
  providerName: string;
  month: string;
  status: 'draft' | 'final';
  paid: number;
  own: number;
  held: number;
  visitsPaid: number;
  visitsHeld: number;
  generatedAt: string;
  generatedBy: string | null;
  lines: SettlementLine[];
}

export type SettlementSummary = Omit<Settlement, 'lines'>;

/** Where the caregiver is: from the phone, or typed in (testing, no GPS). */
export interface Stamp {
  lat: number | null;
  lng: number | null;
  /** A time recorded on the phone (ISO); the server's clock when absent. */
  at?: string;
}
