-- CreateIndex
CREATE INDEX "permit_items_departmentId_caseId_idx" ON "permit_items"("departmentId", "caseId");
