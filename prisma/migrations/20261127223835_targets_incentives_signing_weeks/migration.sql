-- CreateEnum
CREATE TYPE "TargetUnit" AS ENUM ('DISTRICT', 'USER', 'PARK');

-- CreateEnum
CREATE TYPE "TargetIndicator" AS ENUM ('SIGNED_COUNT', 'SIGNED_INVESTMENT', 'STARTED_COUNT', 'COMPLETED_COUNT', 'PRODUCTION_COUNT', 'INVESTMENT_COMPLETED');

-- CreateEnum
CREATE TYPE "IncentiveCategory" AS ENUM ('ECONOMIC_CONTRIBUTION', 'EQUIPMENT', 'FOREIGN_CAPITAL', 'FINANCE');

-- CreateTable
CREATE TABLE "target_years" (
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "target_years_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "targets" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "unit" "TargetUnit" NOT NULL,
    "unitId" TEXT NOT NULL DEFAULT '',
    "indicator" "TargetIndicator" NOT NULL,
    "annual" DECIMAL(14,2) NOT NULL,
    "quarters" DECIMAL(14,2)[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incentive_measures" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "IncentiveCategory" NOT NULL,
    "field" TEXT NOT NULL,
    "tiers" JSONB NOT NULL,
    "threshold" DECIMAL(14,2),
    "cap" DECIMAL(14,2),
    "years" INTEGER NOT NULL DEFAULT 1,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "incentive_measures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incentive_grants" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "grantedOn" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incentive_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signing_weeks" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "signing_weeks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signing_week_candidates" (
    "signingWeekId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "manual" BOOLEAN NOT NULL DEFAULT false,
    "confirmed" BOOLEAN NOT NULL DEFAULT false,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signing_week_candidates_pkey" PRIMARY KEY ("signingWeekId","projectId")
);

-- CreateIndex
CREATE INDEX "targets_year_indicator_idx" ON "targets"("year", "indicator");

-- CreateIndex
CREATE UNIQUE INDEX "targets_year_unit_unitId_indicator_key" ON "targets"("year", "unit", "unitId", "indicator");

-- CreateIndex
CREATE UNIQUE INDEX "incentive_measures_name_key" ON "incentive_measures"("name");

-- CreateIndex
CREATE INDEX "incentive_measures_category_idx" ON "incentive_measures"("category");

-- CreateIndex
CREATE INDEX "incentive_grants_projectId_measureId_idx" ON "incentive_grants"("projectId", "measureId");

-- CreateIndex
CREATE INDEX "incentive_grants_measureId_year_idx" ON "incentive_grants"("measureId", "year");

-- CreateIndex
CREATE INDEX "incentive_grants_grantedOn_idx" ON "incentive_grants"("grantedOn");

-- CreateIndex
CREATE UNIQUE INDEX "signing_weeks_name_key" ON "signing_weeks"("name");

-- CreateIndex
CREATE INDEX "signing_weeks_startDate_idx" ON "signing_weeks"("startDate");

-- CreateIndex
CREATE INDEX "signing_week_candidates_projectId_idx" ON "signing_week_candidates"("projectId");

-- AddForeignKey
ALTER TABLE "incentive_grants" ADD CONSTRAINT "incentive_grants_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incentive_grants" ADD CONSTRAINT "incentive_grants_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "incentive_measures"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signing_week_candidates" ADD CONSTRAINT "signing_week_candidates_signingWeekId_fkey" FOREIGN KEY ("signingWeekId") REFERENCES "signing_weeks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signing_week_candidates" ADD CONSTRAINT "signing_week_candidates_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
