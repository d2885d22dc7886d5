-- CreateIndex
CREATE INDEX "enterprises_name_idx" ON "enterprises"("name");

-- CreateIndex
CREATE INDEX "enterprises_name_key_idx" ON "enterprises"("nameKey");
