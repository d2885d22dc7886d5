-- DropIndex
DROP INDEX "permit_items_caseId_decidedDate_workingDays_state_dueDate_r_idx";

-- AlterTable
ALTER TABLE "permit_items" ADD COLUMN     "caseStartDate" DATE;

-- Backfill from the cases.
UPDATE "permit_items" i
   SET "caseStartDate" = c."startDate"
  FROM "permit_cases" c
 WHERE c.id = i."caseId";

-- CreateIndex
CREATE INDEX "permit_items_caseStartDate_caseId_permitTypeId_departmentId_idx" ON "permit_items"("caseStartDate", "caseId", "permitTypeId", "departmentId", "decidedDate", "workingDays", "state", "dueDate", "returns");

-- The one writer of the column. A new item takes its case's startDate; when its case is not
-- there (a restore loading items before cases) it keeps what it brings.
CREATE FUNCTION "permit_items_case_start"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  start DATE;
BEGIN
  SELECT c."startDate" INTO start FROM "permit_cases" c WHERE c.id = NEW."caseId";
  IF FOUND THEN
    NEW."caseStartDate" := start;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "permit_items_case_start"
  BEFORE INSERT OR UPDATE OF "caseId" ON "permit_items"
  FOR EACH ROW EXECUTE FUNCTION "permit_items_case_start"();

-- A case's new startDate (its submission) reaches its items in the same transaction.
CREATE FUNCTION "permit_cases_item_start"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "permit_items" SET "caseStartDate" = NEW."startDate" WHERE "caseId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "permit_cases_item_start"
  AFTER UPDATE OF "startDate" ON "permit_cases"
  FOR EACH ROW
  WHEN (OLD."startDate" IS DISTINCT FROM NEW."startDate")
  EXECUTE FUNCTION "permit_cases_item_start"();
