-- CreateIndex
CREATE INDEX "problems_dueDate_id_idx" ON "problems"("dueDate", "id");

-- CreateIndex
CREATE INDEX "problems_state_dueDate_idx" ON "problems"("state", "dueDate");
