import { NewTicketScreen, type NewTicketScreenProps } from '@/features/ticket/ui/new-ticket-screen';
import { createTicketAction } from './actions';

export const metadata = { title: 'New Ticket' };

export default function NewTicketPage(props: NewTicketScreenProps) {
  return <NewTicketScreen {...props} createAction={createTicketAction} />;
}
