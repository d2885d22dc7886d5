-- AlterTable
ALTER TABLE "permit_items" ADD COLUMN     "projectId" TEXT;

-- Backfill from the cases.
UPDATE "permit_items" i
   SET "projectId" = c."projectId"
  FROM "permit_cases" c
 WHERE c.id = i."caseId";

-- CreateIndex
CREATE INDEX "permit_items_departmentId_projectId_idx" ON "permit_items"("departmentId", "projectId");

-- AddForeignKey
ALTER TABLE "permit_items" ADD CONSTRAINT "permit_items_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The one writer of the column, beside caseStartDate: a new item (or one moved to another case)
-- takes its case's start date and project; when its case is not there (a restore loading items
-- before cases) it keeps what it brings.
CREATE OR REPLACE FUNCTION "permit_items_case_start"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  start DATE;
  project TEXT;
BEGIN
  SELECT c."startDate", c."projectId" INTO start, project FROM "permit_cases" c WHERE c.id = NEW."caseId";
  IF FOUND THEN
    NEW."caseStartDate" := start;
    NEW."projectId" := project;
  END IF;
  RETURN NEW;
END
$$;

-- A case's new startDate (its submission) or project (none of the app's writers moves one)
-- reaches its items in the same transaction: the one trigger on cases for what items keep of them.
CREATE OR REPLACE FUNCTION "permit_cases_item_start"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "permit_items" SET "caseStartDate" = NEW."startDate", "projectId" = NEW."projectId" WHERE "caseId" = NEW.id;
  RETURN NULL;
END
$$;

DROP TRIGGER "permit_cases_item_start" ON "permit_cases";
CREATE TRIGGER "permit_cases_item_start"
  AFTER UPDATE OF "startDate", "projectId" ON "permit_cases"
  FOR EACH ROW
  WHEN (OLD."startDate" IS DISTINCT FROM NEW."startDate" OR OLD."projectId" IS DISTINCT FROM NEW."projectId")
  EXECUTE FUNCTION "permit_cases_item_start"();
