/** The ticket page's title, as Trac titles it: `#12 (Explain BFS)`. */
export function ticketPageTitle(ticket: { id: number; summary: string | null }): string {
  return `#${ticket.id} (${(ticket.summary ?? '').replace(/\s+/g, ' ').trim()})`;
}
