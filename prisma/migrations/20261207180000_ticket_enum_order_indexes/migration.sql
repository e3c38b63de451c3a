-- A query ordered by priority, severity, resolution or type with no filter reads a page's worth
-- of tickets per value, in id order, instead of sorting every ticket: each needs the field
-- beside the id in one index (Trac's default, open tickets by priority, has its own partial
-- index). The one on type replaces the index on type alone.
DROP INDEX "ticket_type_idx";
CREATE INDEX "ticket_type_idx" ON "ticket"("type", "id");
CREATE INDEX "ticket_priority_idx" ON "ticket"("priority", "id");
CREATE INDEX "ticket_severity_idx" ON "ticket"("severity", "id");
CREATE INDEX "ticket_resolution_idx" ON "ticket"("resolution", "id");
