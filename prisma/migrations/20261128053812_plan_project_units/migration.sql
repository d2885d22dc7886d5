-- AlterTable
ALTER TABLE "project_plans" ADD COLUMN     "projectLeaderId" TEXT,
ADD COLUMN     "projectOwnerId" TEXT,
ADD COLUMN     "projectParkId" TEXT;

-- Backfill from the projects.
UPDATE "project_plans" pl
   SET "projectOwnerId" = p."ownerId", "projectLeaderId" = p."leaderId", "projectParkId" = p."parkId"
  FROM "projects" p
 WHERE p.id = pl."projectId";

-- CreateIndex
CREATE INDEX "project_plans_year_progressDate_projectOwnerId_projectLeade_idx" ON "project_plans"("year", "progressDate", "projectOwnerId", "projectLeaderId", "projectParkId", "investmentCompleted");

-- The one writer of the three columns. A new plan takes its project's owner, leader and park;
-- when its project is not there (a restore loading plans before projects) it keeps what it brings.
CREATE FUNCTION "project_plans_project_units"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  project RECORD;
BEGIN
  SELECT p."ownerId", p."leaderId", p."parkId" INTO project FROM "projects" p WHERE p.id = NEW."projectId";
  IF FOUND THEN
    NEW."projectOwnerId" := project."ownerId";
    NEW."projectLeaderId" := project."leaderId";
    NEW."projectParkId" := project."parkId";
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "project_plans_project_units"
  BEFORE INSERT OR UPDATE OF "projectId" ON "project_plans"
  FOR EACH ROW EXECUTE FUNCTION "project_plans_project_units"();

-- A project's new owner, leader or park reaches its plans in the same transaction.
CREATE FUNCTION "projects_plan_units"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "project_plans"
     SET "projectOwnerId" = NEW."ownerId", "projectLeaderId" = NEW."leaderId", "projectParkId" = NEW."parkId"
   WHERE "projectId" = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER "projects_plan_units"
  AFTER UPDATE OF "ownerId", "leaderId", "parkId" ON "projects"
  FOR EACH ROW
  WHEN (OLD."ownerId" IS DISTINCT FROM NEW."ownerId" OR OLD."leaderId" IS DISTINCT FROM NEW."leaderId"
        OR OLD."parkId" IS DISTINCT FROM NEW."parkId")
  EXECUTE FUNCTION "projects_plan_units"();
