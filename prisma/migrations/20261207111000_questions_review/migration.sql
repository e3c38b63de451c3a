-- CreateEnum
CREATE TYPE "learning"."question_kind" AS ENUM ('open', 'choice', 'cloze');

-- CreateEnum
CREATE TYPE "learning"."bloom_level" AS ENUM ('remember', 'understand', 'apply', 'analyze', 'evaluate', 'create');

-- AlterTable
ALTER TABLE "learning"."questions" ADD COLUMN     "bloom_level" "learning"."bloom_level" NOT NULL DEFAULT 'remember',
ADD COLUMN     "choices" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "key_terms" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "kind" "learning"."question_kind" NOT NULL DEFAULT 'open',
ADD COLUMN     "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "learning"."review_cards" ADD COLUMN     "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "learning_steps" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "learning"."review_logs" (
    "id" UUID NOT NULL,
    "card_id" UUID NOT NULL,
    "attempt_id" UUID,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" TIMESTAMPTZ(6) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL,
    "difficulty" DOUBLE PRECISION NOT NULL,
    "elapsed_days" INTEGER NOT NULL,
    "last_elapsed_days" INTEGER NOT NULL,
    "scheduled_days" INTEGER NOT NULL,
    "learning_steps" INTEGER NOT NULL,
    "review" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "review_logs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_logs_attempt_id_key" ON "learning"."review_logs"("attempt_id");

-- CreateIndex
CREATE INDEX "review_logs_card_id_review_idx" ON "learning"."review_logs"("card_id", "review");

-- AddForeignKey
ALTER TABLE "learning"."review_logs" ADD CONSTRAINT "review_logs_card_id_fkey" FOREIGN KEY ("card_id") REFERENCES "learning"."review_cards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."review_logs" ADD CONSTRAINT "review_logs_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "learning"."answer_attempts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
