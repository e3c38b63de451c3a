-- The full-text side of material search. Written by hand: Prisma cannot express triggers.
-- A chunk's headings say what it is about, so they weigh more than its body text.
CREATE FUNCTION "learning"."chunks_update_search_text"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text :=
    setweight(to_tsvector('english', coalesce(array_to_string(NEW.heading_path, ' '), '')), 'A')
    || setweight(to_tsvector('english', coalesce(array_to_string(NEW.key_terms, ' '), '')), 'B')
    || setweight(to_tsvector('english', NEW.text), 'C');
  RETURN NEW;
END;
$$;

CREATE TRIGGER "chunks_search_text"
  BEFORE INSERT OR UPDATE OF "text", "heading_path", "key_terms" ON "learning"."chunks"
  FOR EACH ROW EXECUTE FUNCTION "learning"."chunks_update_search_text"();

ALTER TABLE "learning"."documents"
  ADD CONSTRAINT "documents_progress_check"
    CHECK ("chunks_done" >= 0 AND "chunks_done" <= "chunks_total"),
  ADD CONSTRAINT "documents_failed_has_error_check"
    CHECK ("status" <> 'failed' OR "error" IS NOT NULL);
