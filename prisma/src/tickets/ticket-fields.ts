import { z } from 'zod';

/** Trac's built-in ticket fields a user may set (id, time and changetime are the system's). */
export const TICKET_FIELDS = [
  'type',
  'component',
  'severity',
  'priority',
  'owner',
  'reporter',
  'cc',
  'version',
  'milestone',
  'status',
  'resolution',
  'summary',
  'description',
  'keywords',
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

const value = z.string().max(100_000);

export const TicketFieldsSchema = z
  .object(
    Object.fromEntries(TICKET_FIELDS.map((f) => [f, value.optional()])) as {
      [K in TicketField]: z.ZodOptional<typeof value>;
    },
  )
  .strict();
export type TicketFields = z.infer<typeof TicketFieldsSchema>;

// Custom field names as Trac allows them in trac.ini: a letter, then letters, digits, _.
export const CustomFieldsSchema = z
  .record(
    z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/i, 'custom field names are letters, digits and _')
      .refine((name) => !(TICKET_FIELDS as readonly string[]).includes(name), {
        message: 'a custom field cannot reuse a built-in field name',
      })
      .refine((name) => !['id', 'time', 'changetime', 'comment'].includes(name), {
        message: 'reserved field name',
      }),
    value,
  )
  .default({});
export type CustomFields = z.infer<typeof CustomFieldsSchema>;
