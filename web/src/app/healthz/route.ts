export const dynamic = 'force-dynamic';

/** The process is up and serving; says nothing about the services behind it. */
export function GET() {
  return Response.json({ status: 'ok' });
}
