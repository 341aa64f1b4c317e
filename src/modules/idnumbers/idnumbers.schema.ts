import { z } from 'zod';
import { ID_NUMBER_REASONS, parseIdNumber } from '../../standards/id-number.js';
import { idNumberMessageCode } from './idnumbers.service.js';

/** Body of `POST /api/id-numbers/check`; an empty or missing `number` is a 400. */
export const IdNumberCheckBody = z.object({ number: z.string().min(1).max(32) });
export type IdNumberCheckInput = z.infer<typeof IdNumberCheckBody>;

/** Answer of the checker: the reason and its translation, or what a valid number says. */
export const IdNumberCheckResponse = z.object({
  valid: z.boolean(),
  reason: z.enum(ID_NUMBER_REASONS).optional(),
  message: z.string().optional(),
  normalized: z.string().optional(),
  birthDate: z.string().optional(),
  sex: z.enum(['male', 'female']).optional(),
  regionCode: z.string().optional(),
});

/**
 * A form field holding a resident identity number. It accepts what people type (spaces,
 * lower-case x, 15 digits) and yields the normalised 18-character number; a refused number
 * becomes a 400 naming the field and the rule (`idnumber.<reason>`, see validation.ts).
 */
export const IdNumberField = z
  .string()
  .max(32)
  .transform((value, ctx) => {
    const result = parseIdNumber(value);
    if (result.valid) return result.normalized;
    ctx.addIssue({
      code: 'custom',
      message: `invalid ID number (${result.reason})`,
      params: { messageCode: idNumberMessageCode(result.reason) },
    });
    return z.NEVER;
  });
