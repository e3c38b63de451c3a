-- Full-text search over tickets, ticket comments, wiki pages and milestones. Written by hand:
-- Prisma's schema language cannot express expression indexes, and `prisma migrate diff`
-- ignores them, so schema.prisma and the migrations still agree.
--
-- The search queries in web/ repeat these expressions word for word; PostgreSQL uses an
-- expression index only when the query's expression is the same. Weights rank a match in a
-- title (A) above keywords (B) above body text (C).

CREATE INDEX "ticket_search_idx" ON "ticket" USING GIN ((
  setweight(to_tsvector('english', coalesce("summary", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("keywords", '')), 'B') ||
  setweight(to_tsvector('english', coalesce("description", '')), 'C')
));

CREATE INDEX "ticket_change_comment_search_idx" ON "ticket_change" USING GIN ((
  to_tsvector('english', coalesce("newvalue", ''))
)) WHERE "field" = 'comment';

CREATE INDEX "wiki_search_idx" ON "wiki" USING GIN ((
  setweight(to_tsvector('english', "name"), 'A') ||
  setweight(to_tsvector('english', coalesce("text", '')), 'C')
));

CREATE INDEX "milestone_search_idx" ON "milestone" USING GIN ((
  setweight(to_tsvector('english', "name"), 'A') ||
  setweight(to_tsvector('english', coalesce("description", '')), 'C')
));
