-- CreateEnum
CREATE TYPE "learning"."path_kind" AS ENUM ('personal', 'shared');

-- AlterEnum
ALTER TYPE "learning"."path_status" ADD VALUE 'archived';

-- DropIndex
DROP INDEX "learning"."paths_status_idx";

-- AlterTable
ALTER TABLE "learning"."paths" ADD COLUMN     "kind" "learning"."path_kind" NOT NULL DEFAULT 'shared',
ADD COLUMN     "milestone" TEXT,
ADD COLUMN     "source_query" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "target_retention" DOUBLE PRECISION NOT NULL DEFAULT 0.9;

-- A path's concepts are its concept_metadata rows; the ticket query that used to sit beside
-- them keeps only its subject, the milestone.
UPDATE "learning"."paths"
SET "milestone" = NULLIF(replace(substring("query" FROM 'milestone=([^&]*)'), '+', ' '), '')
WHERE "query" LIKE '%milestone=%';

ALTER TABLE "learning"."paths" DROP COLUMN "query";

-- AlterTable
ALTER TABLE "learning"."progress" ADD COLUMN     "mastered_at" TIMESTAMPTZ(6),
ADD COLUMN     "recent_scores" DOUBLE PRECISION[] DEFAULT ARRAY[]::DOUBLE PRECISION[];

-- CreateIndex
CREATE INDEX "paths_kind_status_idx" ON "learning"."paths"("kind", "status");
