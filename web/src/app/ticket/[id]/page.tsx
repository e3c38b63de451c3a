import { features } from '@/composition/registry';
import {
  TicketScreen,
  type TicketScreenProps,
  ticketPageMetadata,
} from '@/features/ticket/ui/ticket-screen';
import { modifyTicketAction } from './actions';

export function generateMetadata(props: TicketScreenProps) {
  return ticketPageMetadata(props);
}

export default function TicketPage(props: TicketScreenProps) {
  return <TicketScreen {...props} features={features} modifyAction={modifyTicketAction} />;
}
