-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SecurityEventType" ADD VALUE 'CROSS_SITE_REFUSED';
ALTER TYPE "SecurityEventType" ADD VALUE 'RATE_LIMITED';
ALTER TYPE "SecurityEventType" ADD VALUE 'LOGIN_UNLOCKED';
ALTER TYPE "SecurityEventType" ADD VALUE 'SESSIONS_ENDED';

-- AlterTable
ALTER TABLE "users" DROP COLUMN "sessionVersion";

-- CreateTable
CREATE TABLE "user_sessions" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,

    CONSTRAINT "user_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_counters" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rate_counters_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE INDEX "user_sessions_userId_endedAt_idx" ON "user_sessions"("userId", "endedAt");

-- CreateIndex
CREATE INDEX "rate_counters_windowStart_idx" ON "rate_counters"("windowStart");

-- AddForeignKey
ALTER TABLE "user_sessions" ADD CONSTRAINT "user_sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tokens made before expiry was required get the default 90 days from now.
UPDATE "api_tokens" SET "expiresAt" = now() + interval '90 days' WHERE "expiresAt" IS NULL;
