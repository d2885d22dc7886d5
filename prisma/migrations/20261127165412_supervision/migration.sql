-- CreateEnum
CREATE TYPE "WarningSource" AS ENUM ('COMPUTED', 'OVERRIDE', 'OVERRIDE_ENDED');

-- CreateEnum
CREATE TYPE "NoticeState" AS ENUM ('ISSUED', 'REPLIED', 'CLOSED');

-- CreateEnum
CREATE TYPE "NoticeExtension" AS ENUM ('NONE', 'REQUESTED', 'GRANTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "WebhookKind" AS ENUM ('WECOM', 'DINGTALK');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterEnum

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "warningComputed" "WarningColor" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "warningOverrideAt" TIMESTAMP(3),
ADD COLUMN     "warningOverrideById" TEXT,
ADD COLUMN     "warningOverrideColor" "WarningColor",
ADD COLUMN     "warningOverrideReason" TEXT,
ADD COLUMN     "warningOverrideUntil" DATE,
ADD COLUMN     "warningReasons" JSONB NOT NULL DEFAULT '[]',
ALTER COLUMN "warning" SET DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "attachments" ADD COLUMN     "noticeId" TEXT,
ADD COLUMN     "progressEntryId" TEXT;

-- CreateTable
CREATE TABLE "project_plans" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "goalStage" "ProjectStage" NOT NULL,
    "goalInvestment" DECIMAL(14,2) NOT NULL,
    "leaderId" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3),
    "signedById" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "project_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plan_milestones" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "stage" "ProjectStage" NOT NULL,
    "investment" DECIMAL(14,2) NOT NULL,
    "task" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "plan_milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "progress_entries" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "investmentCompleted" DECIMAL(14,2) NOT NULL,
    "percent" DECIMAL(5,2) NOT NULL,
    "note" TEXT,
    "problems" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "progress_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "warning_changes" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "from" "WarningColor" NOT NULL,
    "to" "WarningColor" NOT NULL,
    "computed" "WarningColor" NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "source" "WarningSource" NOT NULL,
    "reason" TEXT,
    "byId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "warning_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_notices" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "projectId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "state" "NoticeState" NOT NULL DEFAULT 'ISSUED',
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaderId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "replyDays" INTEGER NOT NULL,
    "resolveDays" INTEGER NOT NULL,
    "replyDue" DATE NOT NULL,
    "resolveDue" DATE NOT NULL,
    "reply" TEXT,
    "repliedAt" TIMESTAMP(3),
    "repliedById" TEXT,
    "rejectReason" TEXT,
    "extension" "NoticeExtension" NOT NULL DEFAULT 'NONE',
    "extensionDays" INTEGER,
    "extensionReason" TEXT,
    "extensionDecidedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "remindedHalfAt" TIMESTAMP(3),
    "remindedDueAt" TIMESTAMP(3),
    "overdueNotifiedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "supervision_notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_events" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" "NoticeState",
    "toState" "NoticeState" NOT NULL,
    "note" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notice_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_counters" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "notice_counters_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "href" TEXT,
    "entityType" TEXT,
    "entityId" TEXT,
    "dedupeKey" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhooks" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "WebhookKind" NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT,
    "departmentId" TEXT,
    "events" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supervision_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "values" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "supervision_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "project_plans_year_leaderId_idx" ON "project_plans"("year", "leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "project_plans_projectId_year_key" ON "project_plans"("projectId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "plan_milestones_planId_quarter_key" ON "plan_milestones"("planId", "quarter");

-- CreateIndex
CREATE INDEX "progress_entries_projectId_date_idx" ON "progress_entries"("projectId", "date");

-- CreateIndex
CREATE INDEX "progress_entries_date_createdById_idx" ON "progress_entries"("date", "createdById");

-- CreateIndex
CREATE INDEX "warning_changes_projectId_at_idx" ON "warning_changes"("projectId", "at");

-- CreateIndex
CREATE INDEX "warning_changes_at_idx" ON "warning_changes"("at");

-- CreateIndex
CREATE INDEX "supervision_notices_projectId_state_idx" ON "supervision_notices"("projectId", "state");

-- CreateIndex
CREATE INDEX "supervision_notices_state_resolveDue_idx" ON "supervision_notices"("state", "resolveDue");

-- CreateIndex
CREATE INDEX "supervision_notices_leaderId_state_idx" ON "supervision_notices"("leaderId", "state");

-- CreateIndex
CREATE INDEX "supervision_notices_ownerId_state_idx" ON "supervision_notices"("ownerId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "supervision_notices_year_seq_key" ON "supervision_notices"("year", "seq");

-- CreateIndex
CREATE INDEX "notice_events_noticeId_at_idx" ON "notice_events"("noticeId", "at");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_createdAt_idx" ON "notifications"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_userId_dedupeKey_key" ON "notifications"("userId", "dedupeKey");

-- CreateIndex
CREATE INDEX "webhook_deliveries_webhookId_createdAt_idx" ON "webhook_deliveries"("webhookId", "createdAt");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_createdAt_idx" ON "webhook_deliveries"("status", "createdAt");

-- CreateIndex
CREATE INDEX "attachments_progressEntryId_idx" ON "attachments"("progressEntryId");

-- CreateIndex
CREATE INDEX "attachments_noticeId_idx" ON "attachments"("noticeId");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_progressEntryId_fkey" FOREIGN KEY ("progressEntryId") REFERENCES "progress_entries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "supervision_notices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_plans" ADD CONSTRAINT "project_plans_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_milestones" ADD CONSTRAINT "plan_milestones_planId_fkey" FOREIGN KEY ("planId") REFERENCES "project_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "progress_entries" ADD CONSTRAINT "progress_entries_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "warning_changes" ADD CONSTRAINT "warning_changes_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_events" ADD CONSTRAINT "notice_events_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "supervision_notices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "webhooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Nothing computed a colour before: every project is 未纳入调度 until it has a plan.
UPDATE "projects" SET "warning" = 'NONE' WHERE "warning" = 'BLUE';
