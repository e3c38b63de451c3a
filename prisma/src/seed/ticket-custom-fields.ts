// The custom ticket fields a new site starts with (Trac's `[ticket-custom]`), stored as JSON in
// the `system` table under TICKET_CUSTOM_FIELDS_KEY; the web app reads and admins edit them there.
// Concept tickets keep their learning fields here, so they show and filter like any other field.
export const TICKET_CUSTOM_FIELDS_KEY = 'ticket_custom_fields';

export const DEFAULT_TICKET_CUSTOM_FIELDS = [
  {
    name: 'difficulty',
    type: 'select',
    label: 'Difficulty',
    value: '',
    options: ['1', '2', '3', '4', '5'],
    optional: true,
    order: 1,
  },
  {
    name: 'mastery_threshold',
    type: 'text',
    label: 'Mastery threshold',
    value: '',
    order: 2,
  },
];
