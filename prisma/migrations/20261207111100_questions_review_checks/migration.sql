-- Rules for questions and reviews that Prisma's schema language cannot express.

-- A choice question offers at least two options, its expected answer among them; other
-- kinds offer none.
ALTER TABLE "learning"."questions"
  ADD CONSTRAINT "questions_choices_check" CHECK (
    CASE "kind"
      WHEN 'choice' THEN cardinality("choices") >= 2 AND "expected_answer" = ANY ("choices")
      ELSE cardinality("choices") = 0
    END
  );

ALTER TABLE "learning"."review_cards"
  ADD CONSTRAINT "review_cards_learning_steps_check" CHECK ("learning_steps" >= 0);

ALTER TABLE "learning"."review_logs"
  ADD CONSTRAINT "review_logs_rating_check" CHECK ("rating" BETWEEN 1 AND 4),
  ADD CONSTRAINT "review_logs_state_check" CHECK ("state" BETWEEN 0 AND 3);
