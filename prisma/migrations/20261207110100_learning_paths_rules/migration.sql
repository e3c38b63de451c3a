-- Rules Prisma's schema language cannot express, and the `mastered` resolution for sites
-- that were seeded before it existed. Written by hand.

ALTER TABLE "learning"."paths"
  ADD CONSTRAINT "paths_target_retention_check"
    CHECK ("target_retention" > 0 AND "target_retention" < 1);

ALTER TABLE "learning"."progress"
  ADD CONSTRAINT "progress_score_check" CHECK ("score" >= 0 AND "score" <= 1);

-- A concept ticket closes as `mastered` when its learner masters it. A new site gets the
-- resolution from the seed; an existing one gets it here, sorted after its own resolutions.
INSERT INTO "public"."enum" ("type", "name", "value")
SELECT 'resolution', 'mastered',
       (COALESCE(MAX(CASE WHEN "value" ~ '^[0-9]+$' THEN "value"::int END), 0) + 1)::text
FROM "public"."enum"
WHERE "type" = 'resolution'
HAVING COUNT(*) > 0
ON CONFLICT DO NOTHING;
