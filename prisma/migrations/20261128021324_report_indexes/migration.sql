-- CreateIndex
CREATE INDEX "projects_id_ownerId_leaderId_parkId_industryId_sourceChanne_idx" ON "projects"("id", "ownerId", "leaderId", "parkId", "industryId", "sourceChannel", "totalInvestment", "contractInvestment");

-- CreateIndex
CREATE INDEX "permit_items_caseId_decidedDate_workingDays_state_dueDate_r_idx" ON "permit_items"("caseId", "decidedDate", "workingDays", "state", "dueDate", "returns");
