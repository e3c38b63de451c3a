/** Dates as the server shows them: unambiguous and the same for every viewer (UTC). */
export function formatDateTime(date: Date | null): string {
  if (!date) return '—';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDate(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : '—';
}
