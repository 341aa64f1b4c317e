import { z } from 'zod';
import { CLASS_TYPES } from '../../standards/childcare-classes.js';

export const ClassTypeField = z.enum(CLASS_TYPES);

/** `:id` of an institution, class, staff member or certificate. */
export const IdParams = z.object({ id: z.uuid() });

/** A new class; the type's size limit and the institution's kind are checked by the service. */
export const CreateClassBody = z
  .object({
    name: z.string().trim().min(1).max(64),
    type: ClassTypeField,
    capacity: z.number().int().min(1).max(999),
    room: z.string().trim().max(64).nullable().optional(),
  })
  .strict();
export type CreateClassInput = z.infer<typeof CreateClassBody>;

export const UpdateClassBody = CreateClassBody.partial().strict();
export type UpdateClassInput = z.infer<typeof UpdateClassBody>;

/** A class as the API shows it: carers assigned, ratio for the children enrolled, the type's limits. */
export const ClassView = z.object({
  id: z.string(),
  name: z.string(),
  type: ClassTypeField,
  capacity: z.number(),
  enrolled: z.number(),
  room: z.string().nullable(),
  carers: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  ratio: z.object({ required: z.number(), present: z.number(), ok: z.boolean() }),
  limits: z.object({
    maxSize: z.number(),
    minAgeMonths: z.number(),
    maxAgeMonths: z.number(),
    childrenPerCarer: z.number(),
  }),
});
export type ClassView = z.infer<typeof ClassView>;

export const ClassList = z.object({ items: z.array(ClassView) });
