-- CreateTable
CREATE TABLE "learning"."learners" (
    "cognito_user_id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "seen_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "learners_pkey" PRIMARY KEY ("cognito_user_id")
);
