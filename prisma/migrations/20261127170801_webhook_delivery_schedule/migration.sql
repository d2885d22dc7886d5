-- DropIndex
DROP INDEX "webhook_deliveries_status_createdAt_idx";

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "dedupeKey" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_nextAttemptAt_idx" ON "webhook_deliveries"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_webhookId_dedupeKey_key" ON "webhook_deliveries"("webhookId", "dedupeKey");
