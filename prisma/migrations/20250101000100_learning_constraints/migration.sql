-- Rules Prisma's schema language cannot express. Written by hand; `prisma migrate diff`
-- ignores check constraints and triggers, so schema.prisma and the migrations still agree.

ALTER TABLE "learning"."progress"
  ADD CONSTRAINT "progress_status_check"
    CHECK ("status" IN ('not_started', 'in_progress', 'completed', 'mastered')),
  ADD CONSTRAINT "progress_attempts_check" CHECK ("attempts" >= 0);

ALTER TABLE "learning"."concept_metadata"
  ADD CONSTRAINT "concept_metadata_difficulty_check" CHECK ("difficulty" BETWEEN 1 AND 5),
  ADD CONSTRAINT "concept_metadata_mastery_threshold_check"
    CHECK ("mastery_threshold" >= 0 AND "mastery_threshold" <= 1);

ALTER TABLE "learning"."questions"
  ADD CONSTRAINT "questions_difficulty_check" CHECK ("difficulty" BETWEEN 1 AND 5),
  ADD CONSTRAINT "questions_review_status_check"
    CHECK ("review_status" IN ('pending', 'approved', 'rejected'));

ALTER TABLE "learning"."chunks"
  ADD CONSTRAINT "chunks_embedding_dimension_check"
    CHECK ("dimension" IS NULL OR cardinality("embedding") IN (0, "dimension")),
  ADD CONSTRAINT "chunks_token_count_check" CHECK ("token_count" >= 0);

ALTER TABLE "learning"."review_cards"
  ADD CONSTRAINT "review_cards_state_check" CHECK ("state" BETWEEN 0 AND 3),
  ADD CONSTRAINT "review_cards_counts_check"
    CHECK ("reps" >= 0 AND "lapses" >= 0 AND "elapsed_days" >= 0 AND "scheduled_days" >= 0);

ALTER TABLE "learning"."prerequisites"
  ADD CONSTRAINT "prerequisites_no_self_loop_check" CHECK ("ticket_id" <> "prerequisite_id");

-- The prerequisite graph must stay acyclic. The new edge ticket -> prerequisite closes a
-- cycle exactly when the ticket is already reachable from the prerequisite. The advisory
-- lock serialises writers so two concurrent edges cannot each miss the other.
CREATE FUNCTION "learning"."prerequisites_refuse_cycle"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('learning.prerequisites'));
  IF EXISTS (
    WITH RECURSIVE reachable(id) AS (
      SELECT NEW.prerequisite_id
      UNION
      SELECT p.prerequisite_id
      FROM "learning"."prerequisites" p
      JOIN reachable r ON p.ticket_id = r.id
    )
    SELECT 1 FROM reachable WHERE id = NEW.ticket_id
  ) THEN
    RAISE EXCEPTION 'prerequisite % of ticket % would create a cycle',
      NEW.prerequisite_id, NEW.ticket_id
      USING ERRCODE = '23514', CONSTRAINT = 'prerequisites_acyclic';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "prerequisites_acyclic"
  BEFORE INSERT OR UPDATE OF "ticket_id", "prerequisite_id" ON "learning"."prerequisites"
  FOR EACH ROW EXECUTE FUNCTION "learning"."prerequisites_refuse_cycle"();
