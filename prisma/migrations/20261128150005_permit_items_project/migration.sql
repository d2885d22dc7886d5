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

-- A case moved to another project (none of the app's writers does) takes its items along.
CREATE FUNCTION "permit_cases_item_project"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "permit_items" SET "projectId" = NEW."projectId" WHERE "caseId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "permit_cases_item_project"
  AFTER UPDATE OF "projectId" ON "permit_cases"
  FOR EACH ROW
  WHEN (OLD."projectId" IS DISTINCT FROM NEW."projectId")
  EXECUTE FUNCTION "permit_cases_item_project"();
