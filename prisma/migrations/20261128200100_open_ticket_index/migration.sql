-- Open-ticket lookups for the query pages. Written by hand: Prisma's schema language cannot
-- express a partial index or extended statistics, and `prisma migrate diff` ignores both, so
-- schema.prisma and the migrations still agree.
--
-- Trac's default query is `status!=closed`, which web/ writes as COALESCE(status, '') <> ...;
-- the index's predicate is that expression word for word, so the planner can walk open
-- tickets by id without reading the closed ones.
CREATE INDEX "ticket_open_idx" ON "ticket" ("id") WHERE COALESCE("status", '') <> 'closed';

-- Without statistics on the expression the planner guesses how many tickets are open
-- (a fixed fraction) and picks poor plans when most tickets are closed.
CREATE STATISTICS "ticket_status_expr_stats" ON (COALESCE("status", '')) FROM "ticket";

-- Fill the new statistics now rather than at the next automatic analyze.
ANALYZE "ticket";
