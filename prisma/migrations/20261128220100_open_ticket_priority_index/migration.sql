-- Trac's default query lists open tickets by priority. With the priority beside the id in an
-- index of open tickets only, the page's ids come from the index alone, without reading every
-- open ticket's row to sort them. Written by hand: a partial index is beyond Prisma's schema
-- language, and `prisma migrate diff` ignores it.
CREATE INDEX "ticket_open_priority_idx" ON "ticket" ("priority", "id") WHERE COALESCE("status", '') <> 'closed';
