-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('PROJECTS', 'ENTERPRISES');

-- CreateEnum
CREATE TYPE "ImportMode" AS ENUM ('DRY_RUN', 'COMMIT');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "enterprises" ADD COLUMN     "nameKey" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "capital_increases" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "fixedAssetAmount" DECIMAL(14,2),
    "foreignCapital" DECIMAL(14,2),
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "capital_increases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_jobs" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "mode" "ImportMode" NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "skipErrors" BOOLEAN NOT NULL DEFAULT false,
    "linkSimilar" BOOLEAN NOT NULL DEFAULT false,
    "sourceJobId" TEXT,
    "fileName" TEXT NOT NULL,
    "storagePath" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "rows" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "capital_increases_projectId_date_idx" ON "capital_increases"("projectId", "date");

-- CreateIndex
CREATE INDEX "capital_increases_date_idx" ON "capital_increases"("date");

-- CreateIndex
CREATE INDEX "import_jobs_userId_createdAt_idx" ON "import_jobs"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "enterprises_name_key_trgm_idx" ON "enterprises" USING GIN ("nameKey" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "capital_increases" ADD CONSTRAINT "capital_increases_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "capital_increases" ADD CONSTRAINT "capital_increases_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Backfill: an approximation of lib/enterprises/name-key.ts for rows that exist already
-- (the use-cases keep the key of every later change).
UPDATE "enterprises" SET "nameKey" = regexp_replace(regexp_replace(lower("name"), '[（(][^）)]*[）)]', '', 'g'), '(股份有限公司|有限责任公司|有限公司|集团|公司)$', '');
