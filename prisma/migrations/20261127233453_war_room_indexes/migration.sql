-- CreateIndex
CREATE INDEX "projects_stage_warning_totalInvestment_id_idx" ON "projects"("stage", "warning", "totalInvestment", "id");

-- CreateIndex
CREATE INDEX "projects_parkId_warning_totalInvestment_id_stage_idx" ON "projects"("parkId", "warning", "totalInvestment", "id", "stage");
