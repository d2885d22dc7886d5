-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateEnum
CREATE TYPE "SourceChannel" AS ENUM ('ALL_STAFF', 'PROFESSIONAL', 'VIA_INVESTOR', 'SIGNING_WEEK');

-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('VISIT', 'CALL', 'NEGOTIATION', 'SITE_SURVEY', 'MEETING');

-- CreateEnum
CREATE TYPE "AttachmentCategory" AS ENUM ('AGREEMENT', 'DOCUMENT', 'OTHER');

-- DropIndex
DROP INDEX "projects_industryId_idx";

-- DropIndex
DROP INDEX "projects_parkId_idx";

-- DropIndex
DROP INDEX "projects_ownerId_idx";

-- DropIndex
DROP INDEX "projects_leaderId_idx";

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "completionDate" DATE,
ADD COLUMN     "constructionDate" DATE,
ADD COLUMN     "contacts" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "contractInvestment" DECIMAL(14,2),
ADD COLUMN     "description" TEXT,
ADD COLUMN     "enterpriseId" TEXT,
ADD COLUMN     "expectedAnnualOutput" DECIMAL(14,2),
ADD COLUMN     "expectedAnnualTax" DECIMAL(14,2),
ADD COLUMN     "fixedAssetInvestment" DECIMAL(14,2),
ADD COLUMN     "foreignCapital" DECIMAL(14,2),
ADD COLUMN     "landArea" DECIMAL(12,2),
ADD COLUMN     "plannedStartDate" DATE,
ADD COLUMN     "productionDate" DATE,
ADD COLUMN     "registrationDate" DATE,
ADD COLUMN     "signingDate" DATE,
ADD COLUMN     "sourceChannel" "SourceChannel" NOT NULL DEFAULT 'PROFESSIONAL',
ADD COLUMN     "stageEnteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "suspendedFrom" "ProjectStage",
ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "enterprises" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "creditCode" TEXT,
    "region" TEXT,
    "isLocal" BOOLEAN NOT NULL DEFAULT false,
    "contact" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "enterprises_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_activities" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "type" "ActivityType" NOT NULL,
    "date" DATE NOT NULL,
    "participants" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stage_changes" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "fromStage" "ProjectStage",
    "toStage" "ProjectStage" NOT NULL,
    "userId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "override" BOOLEAN NOT NULL DEFAULT false,
    "firstEntry" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stage_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "category" "AttachmentCategory" NOT NULL DEFAULT 'DOCUMENT',
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storagePath" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT 'projects',
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "enterprises_creditCode_key" ON "enterprises"("creditCode");

-- CreateIndex
CREATE INDEX "enterprises_name_trgm_idx" ON "enterprises" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "project_activities_projectId_date_idx" ON "project_activities"("projectId", "date");

-- CreateIndex
CREATE INDEX "stage_changes_projectId_createdAt_idx" ON "stage_changes"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "stage_changes_toStage_firstEntry_createdAt_idx" ON "stage_changes"("toStage", "firstEntry", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "attachments_storagePath_key" ON "attachments"("storagePath");

-- CreateIndex
CREATE INDEX "attachments_projectId_createdAt_idx" ON "attachments"("projectId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "saved_views_userId_scope_name_key" ON "saved_views"("userId", "scope", "name");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_tokenHash_key" ON "api_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "api_tokens_userId_idx" ON "api_tokens"("userId");

-- CreateIndex
CREATE INDEX "projects_createdAt_idx" ON "projects"("createdAt");

-- CreateIndex
CREATE INDEX "projects_industryId_updatedAt_idx" ON "projects"("industryId", "updatedAt");

-- CreateIndex
CREATE INDEX "projects_parkId_updatedAt_idx" ON "projects"("parkId", "updatedAt");

-- CreateIndex
CREATE INDEX "projects_ownerId_updatedAt_idx" ON "projects"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "projects_leaderId_updatedAt_idx" ON "projects"("leaderId", "updatedAt");

-- CreateIndex
CREATE INDEX "projects_warning_updatedAt_idx" ON "projects"("warning", "updatedAt");

-- CreateIndex
CREATE INDEX "projects_totalInvestment_idx" ON "projects"("totalInvestment");

-- CreateIndex
CREATE INDEX "projects_signingDate_idx" ON "projects"("signingDate");

-- CreateIndex
CREATE INDEX "projects_enterpriseId_idx" ON "projects"("enterpriseId");

-- CreateIndex
CREATE INDEX "projects_name_trgm_idx" ON "projects" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "projects_enterprise_name_trgm_idx" ON "projects" USING GIN ("enterpriseName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "projects_code_trgm_idx" ON "projects" USING GIN ("code" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "audit_logs_actorId_createdAt_idx" ON "audit_logs"("actorId", "createdAt");

-- AddForeignKey
ALTER TABLE "projects" ADD CONSTRAINT "projects_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_activities" ADD CONSTRAINT "project_activities_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_activities" ADD CONSTRAINT "project_activities_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_changes" ADD CONSTRAINT "stage_changes_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
