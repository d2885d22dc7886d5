-- CreateIndex
CREATE INDEX "projects_leaderId_stage_parkId_warning_totalInvestment_idx" ON "projects"("leaderId", "stage", "parkId", "warning", "totalInvestment");

-- CreateIndex
CREATE INDEX "projects_industryId_stage_parkId_warning_totalInvestment_idx" ON "projects"("industryId", "stage", "parkId", "warning", "totalInvestment");
