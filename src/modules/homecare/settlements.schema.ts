import { z } from 'zod';

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const GenerateBody = z.object({ providerId: z.uuid(), month: Month }).strict();
export type GenerateInput = z.infer<typeof GenerateBody>;

export const SettlementListQuery = z.object({
  providerId: z.uuid().optional(),
  month: Month.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type SettlementListQuery = z.infer<typeof SettlementListQuery>;

/** One line as stored in `settlements.lines` (money in fen). */
export interface StoredLine {
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
  priceCents: number;
  subsidyCents: number;
  ownCents: number;
  programId: string | null;
  reasons: string[];
  exceptions: string[];
}

export const SettlementLine = z.object({
  visitId: z.string(),
  orderId: z.string(),
  day: z.string(),
  personId: z.string(),
  personName: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  caregiverName: z.string().nullable(),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
  minutes: z.number().nullable(),
  visitStatus: z.string(),
  status: z.enum(['paid', 'held']),
  price: z.number().describe('yuan'),
  subsidy: z.number().describe('yuan drawn from entitlements: the public part paid to the provider'),
  own: z.number().describe('yuan the person pays (paid lines); 0 on held lines'),
  programId: z.string().nullable(),
  reasons: z.array(z.object({ code: z.string(), message: z.string() })).describe('why a line is held'),
});

export const SettlementSummary = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  month: z.string(),
  status: z.enum(['draft', 'final']),
  paid: z.number().describe('yuan: public subsidy of paid visits'),
  own: z.number().describe("yuan: the people's own part of paid visits"),
  held: z.number().describe('yuan: price of visits held back'),
  visitsPaid: z.number().int(),
  visitsHeld: z.number().int(),
  generatedAt: z.string(),
  generatedBy: z.string().nullable(),
});
export const SettlementView = SettlementSummary.extend({ lines: z.array(SettlementLine) });
export type SettlementView = z.infer<typeof SettlementView>;
export const SettlementList = z.object({
  items: z.array(SettlementSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
