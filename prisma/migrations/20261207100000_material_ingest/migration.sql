-- CreateEnum
CREATE TYPE "learning"."document_status" AS ENUM ('queued', 'extracting', 'embedding', 'indexed', 'failed');

-- AlterTable
ALTER TABLE "learning"."chunks" ADD COLUMN     "heading_path" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "key_terms" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "page_end" INTEGER,
ADD COLUMN     "page_start" INTEGER,
ADD COLUMN     "search_text" tsvector;

-- AlterTable
ALTER TABLE "learning"."documents" ADD COLUMN     "chunks_done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "chunks_total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dimension" INTEGER,
ADD COLUMN     "embedder" TEXT,
ADD COLUMN     "error" TEXT,
ADD COLUMN     "indexed_at" TIMESTAMPTZ(6),
ADD COLUMN     "outline" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "page_count" INTEGER,
ADD COLUMN     "published" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "size_bytes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "status" "learning"."document_status" NOT NULL DEFAULT 'queued',
ADD COLUMN     "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "learning"."document_files" (
    "document_id" UUID NOT NULL,
    "content" BYTEA NOT NULL,

    CONSTRAINT "document_files_pkey" PRIMARY KEY ("document_id")
);

-- CreateIndex
CREATE INDEX "chunks_search_text_idx" ON "learning"."chunks" USING GIN ("search_text");

-- CreateIndex
CREATE INDEX "documents_status_idx" ON "learning"."documents"("status");

-- AddForeignKey
ALTER TABLE "learning"."document_files" ADD CONSTRAINT "document_files_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "learning"."documents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

