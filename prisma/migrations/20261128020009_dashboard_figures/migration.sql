-- AlterTable
ALTER TABLE "project_plans" ADD COLUMN     "investmentCompleted" DECIMAL(14,2),
ADD COLUMN     "progressDate" DATE;

-- CreateIndex
CREATE INDEX "stage_changes_firstEntry_createdAt_toStage_projectId_idx" ON "stage_changes"("firstEntry", "createdAt", "toStage", "projectId");

-- CreateIndex
CREATE INDEX "permit_cases_startDate_idx" ON "permit_cases"("startDate");

-- Each plan's latest 日调度 figure from the entries so far (lib/supervision/plan-progress.ts,
-- the same statement with every project).
UPDATE project_plans pl
   SET "investmentCompleted" = e."investmentCompleted", "progressDate" = e.date
  FROM (SELECT DISTINCT ON (pe."projectId", extract(year FROM pe.date))
               pe."projectId", extract(year FROM pe.date)::int AS year, pe.date, pe."investmentCompleted"
          FROM progress_entries pe
         ORDER BY pe."projectId", extract(year FROM pe.date), pe.date DESC, pe."createdAt" DESC) e
 WHERE pl."projectId" = e."projectId" AND pl.year = e.year;
