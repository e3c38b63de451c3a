/** A milestone's page: `/milestone/NAME`, with `/` kept as Trac keeps it in hierarchical names. */
export function milestoneHref(name: string, query?: Record<string, string>): string {
  const path = `/milestone/${name.split('/').map(encodeURIComponent).join('/')}`;
  return query ? `${path}?${new URLSearchParams(query).toString()}` : path;
}
