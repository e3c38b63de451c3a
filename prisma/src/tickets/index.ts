export {
  type ChangeTicketInput as ChangeTicketOptions,
  ChangeTicketInput,
  type ChangeTicketResult,
  changeTicket,
  type LockedTicket,
  lockTicket,
  type TicketChangeRow,
} from './change-ticket.js';
export {
  type CreatedTicket,
  type CreateTicketInput as CreateTicketOptions,
  CreateTicketInput,
  createTicket,
} from './create-ticket.js';
export {
  type CustomFields,
  CustomFieldsSchema,
  TICKET_FIELDS,
  type TicketField,
  type TicketFields,
  TicketFieldsSchema,
} from './ticket-fields.js';
