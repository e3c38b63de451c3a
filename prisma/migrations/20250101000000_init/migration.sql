-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "learning";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "learning"."path_status" AS ENUM ('draft', 'published');

-- CreateTable
CREATE TABLE "system" (
    "name" TEXT NOT NULL,
    "value" TEXT,

    CONSTRAINT "system_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "permission" (
    "username" TEXT NOT NULL,
    "action" TEXT NOT NULL,

    CONSTRAINT "permission_pkey" PRIMARY KEY ("username","action")
);

-- CreateTable
CREATE TABLE "session" (
    "sid" TEXT NOT NULL,
    "authenticated" INTEGER NOT NULL,
    "last_visit" BIGINT,

    CONSTRAINT "session_pkey" PRIMARY KEY ("sid","authenticated")
);

-- CreateTable
CREATE TABLE "session_attribute" (
    "sid" TEXT NOT NULL,
    "authenticated" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT,

    CONSTRAINT "session_attribute_pkey" PRIMARY KEY ("sid","authenticated","name")
);

-- CreateTable
CREATE TABLE "attachment" (
    "type" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "size" INTEGER,
    "time" BIGINT,
    "description" TEXT,
    "author" TEXT,

    CONSTRAINT "attachment_pkey" PRIMARY KEY ("type","id","filename")
);

-- CreateTable
CREATE TABLE "wiki" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "time" BIGINT,
    "author" TEXT,
    "text" TEXT,
    "comment" TEXT,
    "readonly" INTEGER DEFAULT 0,

    CONSTRAINT "wiki_pkey" PRIMARY KEY ("name","version")
);

-- CreateTable
CREATE TABLE "ticket" (
    "id" SERIAL NOT NULL,
    "type" TEXT,
    "time" BIGINT,
    "changetime" BIGINT,
    "component" TEXT,
    "severity" TEXT,
    "priority" TEXT,
    "owner" TEXT,
    "reporter" TEXT,
    "cc" TEXT,
    "version" TEXT,
    "milestone" TEXT,
    "status" TEXT,
    "resolution" TEXT,
    "summary" TEXT,
    "description" TEXT,
    "keywords" TEXT,

    CONSTRAINT "ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_custom" (
    "ticket" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT,

    CONSTRAINT "ticket_custom_pkey" PRIMARY KEY ("ticket","name")
);

-- CreateTable
CREATE TABLE "ticket_change" (
    "ticket" INTEGER NOT NULL,
    "time" BIGINT NOT NULL,
    "author" TEXT,
    "field" TEXT NOT NULL,
    "oldvalue" TEXT,
    "newvalue" TEXT,

    CONSTRAINT "ticket_change_pkey" PRIMARY KEY ("ticket","time","field")
);

-- CreateTable
CREATE TABLE "enum" (
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT,

    CONSTRAINT "enum_pkey" PRIMARY KEY ("type","name")
);

-- CreateTable
CREATE TABLE "component" (
    "name" TEXT NOT NULL,
    "owner" TEXT,
    "description" TEXT,

    CONSTRAINT "component_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "milestone" (
    "name" TEXT NOT NULL,
    "due" BIGINT,
    "completed" BIGINT,
    "description" TEXT,

    CONSTRAINT "milestone_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "version" (
    "name" TEXT NOT NULL,
    "time" BIGINT,
    "description" TEXT,

    CONSTRAINT "version_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "report" (
    "id" SERIAL NOT NULL,
    "author" TEXT,
    "title" TEXT,
    "query" TEXT,
    "description" TEXT,

    CONSTRAINT "report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."paths" (
    "id" UUID NOT NULL,
    "cognito_user_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "query" TEXT NOT NULL DEFAULT '',
    "status" "learning"."path_status" NOT NULL DEFAULT 'draft',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "paths_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."concept_metadata" (
    "id" UUID NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "path_id" UUID NOT NULL,
    "chunk_id" UUID,
    "concept" TEXT NOT NULL,
    "difficulty" INTEGER NOT NULL DEFAULT 3,
    "context" JSONB NOT NULL DEFAULT '{}',
    "sequence_order" INTEGER NOT NULL DEFAULT 0,
    "mastery_threshold" DOUBLE PRECISION NOT NULL DEFAULT 0.8,

    CONSTRAINT "concept_metadata_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."prerequisites" (
    "ticket_id" INTEGER NOT NULL,
    "prerequisite_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prerequisites_pkey" PRIMARY KEY ("ticket_id","prerequisite_id")
);

-- CreateTable
CREATE TABLE "learning"."progress" (
    "cognito_user_id" TEXT NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'not_started',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "feedback" JSONB NOT NULL DEFAULT '{}',
    "last_attempt" TIMESTAMPTZ(6),

    CONSTRAINT "progress_pkey" PRIMARY KEY ("cognito_user_id","ticket_id")
);

-- CreateTable
CREATE TABLE "learning"."documents" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "mime_type" TEXT NOT NULL DEFAULT 'text/plain',
    "content_hash" TEXT NOT NULL,
    "cognito_user_id" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "documents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."chunks" (
    "id" UUID NOT NULL,
    "document_id" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "token_count" INTEGER NOT NULL,
    "embedding" REAL[],
    "embedder" TEXT,
    "dimension" INTEGER,

    CONSTRAINT "chunks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."questions" (
    "id" UUID NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "expected_answer" TEXT NOT NULL,
    "source_chunk_ids" UUID[],
    "difficulty" INTEGER NOT NULL DEFAULT 3,
    "review_status" TEXT NOT NULL DEFAULT 'pending',
    "generator" TEXT NOT NULL DEFAULT '',
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."answer_attempts" (
    "id" UUID NOT NULL,
    "question_id" UUID NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "cognito_user_id" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "feedback" JSONB NOT NULL DEFAULT '{}',
    "grader" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "answer_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "learning"."review_cards" (
    "id" UUID NOT NULL,
    "cognito_user_id" TEXT NOT NULL,
    "ticket_id" INTEGER NOT NULL,
    "due" TIMESTAMPTZ(6) NOT NULL,
    "stability" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "difficulty" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "elapsed_days" INTEGER NOT NULL DEFAULT 0,
    "scheduled_days" INTEGER NOT NULL DEFAULT 0,
    "reps" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "state" INTEGER NOT NULL DEFAULT 0,
    "last_review" TIMESTAMPTZ(6),

    CONSTRAINT "review_cards_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "session_last_visit_idx" ON "session"("last_visit");

-- CreateIndex
CREATE INDEX "session_authenticated_idx" ON "session"("authenticated");

-- CreateIndex
CREATE INDEX "wiki_time_idx" ON "wiki"("time");

-- CreateIndex
CREATE INDEX "wiki_name_idx" ON "wiki"("name");

-- CreateIndex
CREATE INDEX "ticket_time_idx" ON "ticket"("time");

-- CreateIndex
CREATE INDEX "ticket_changetime_idx" ON "ticket"("changetime");

-- CreateIndex
CREATE INDEX "ticket_status_idx" ON "ticket"("status");

-- CreateIndex
CREATE INDEX "ticket_owner_idx" ON "ticket"("owner");

-- CreateIndex
CREATE INDEX "ticket_milestone_idx" ON "ticket"("milestone");

-- CreateIndex
CREATE INDEX "ticket_type_idx" ON "ticket"("type");

-- CreateIndex
CREATE INDEX "ticket_change_ticket_idx" ON "ticket_change"("ticket");

-- CreateIndex
CREATE INDEX "ticket_change_time_idx" ON "ticket_change"("time");

-- CreateIndex
CREATE INDEX "paths_cognito_user_id_idx" ON "learning"."paths"("cognito_user_id");

-- CreateIndex
CREATE INDEX "paths_status_idx" ON "learning"."paths"("status");

-- CreateIndex
CREATE INDEX "concept_metadata_ticket_id_idx" ON "learning"."concept_metadata"("ticket_id");

-- CreateIndex
CREATE INDEX "concept_metadata_path_id_sequence_order_idx" ON "learning"."concept_metadata"("path_id", "sequence_order");

-- CreateIndex
CREATE INDEX "concept_metadata_chunk_id_idx" ON "learning"."concept_metadata"("chunk_id");

-- CreateIndex
CREATE UNIQUE INDEX "concept_metadata_path_id_ticket_id_key" ON "learning"."concept_metadata"("path_id", "ticket_id");

-- CreateIndex
CREATE INDEX "prerequisites_prerequisite_id_idx" ON "learning"."prerequisites"("prerequisite_id");

-- CreateIndex
CREATE INDEX "progress_ticket_id_idx" ON "learning"."progress"("ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "documents_content_hash_key" ON "learning"."documents"("content_hash");

-- CreateIndex
CREATE INDEX "documents_created_at_idx" ON "learning"."documents"("created_at");

-- CreateIndex
CREATE INDEX "chunks_embedder_dimension_idx" ON "learning"."chunks"("embedder", "dimension");

-- CreateIndex
CREATE UNIQUE INDEX "chunks_document_id_ordinal_key" ON "learning"."chunks"("document_id", "ordinal");

-- CreateIndex
CREATE INDEX "questions_ticket_id_review_status_idx" ON "learning"."questions"("ticket_id", "review_status");

-- CreateIndex
CREATE INDEX "answer_attempts_cognito_user_id_ticket_id_created_at_idx" ON "learning"."answer_attempts"("cognito_user_id", "ticket_id", "created_at");

-- CreateIndex
CREATE INDEX "answer_attempts_question_id_idx" ON "learning"."answer_attempts"("question_id");

-- CreateIndex
CREATE INDEX "review_cards_cognito_user_id_due_idx" ON "learning"."review_cards"("cognito_user_id", "due");

-- CreateIndex
CREATE INDEX "review_cards_ticket_id_idx" ON "learning"."review_cards"("ticket_id");

-- CreateIndex
CREATE UNIQUE INDEX "review_cards_cognito_user_id_ticket_id_key" ON "learning"."review_cards"("cognito_user_id", "ticket_id");

-- AddForeignKey
ALTER TABLE "ticket_custom" ADD CONSTRAINT "ticket_custom_ticket_fkey" FOREIGN KEY ("ticket") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_change" ADD CONSTRAINT "ticket_change_ticket_fkey" FOREIGN KEY ("ticket") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."concept_metadata" ADD CONSTRAINT "concept_metadata_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."concept_metadata" ADD CONSTRAINT "concept_metadata_path_id_fkey" FOREIGN KEY ("path_id") REFERENCES "learning"."paths"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."concept_metadata" ADD CONSTRAINT "concept_metadata_chunk_id_fkey" FOREIGN KEY ("chunk_id") REFERENCES "learning"."chunks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."prerequisites" ADD CONSTRAINT "prerequisites_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."prerequisites" ADD CONSTRAINT "prerequisites_prerequisite_id_fkey" FOREIGN KEY ("prerequisite_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."progress" ADD CONSTRAINT "progress_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."chunks" ADD CONSTRAINT "chunks_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "learning"."documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."questions" ADD CONSTRAINT "questions_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."answer_attempts" ADD CONSTRAINT "answer_attempts_question_id_fkey" FOREIGN KEY ("question_id") REFERENCES "learning"."questions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."answer_attempts" ADD CONSTRAINT "answer_attempts_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "learning"."review_cards" ADD CONSTRAINT "review_cards_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
