-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "completedFirstAt" TIMESTAMP(3),
ADD COLUMN     "constructionFirstAt" TIMESTAMP(3),
ADD COLUMN     "productionFirstAt" TIMESTAMP(3),
ADD COLUMN     "signedFirstAt" TIMESTAMP(3);

-- Backfill: each project's first entry into each counted stage, from its stage changes.
UPDATE "projects" p
   SET "signedFirstAt" = e.signed, "constructionFirstAt" = e.construction,
       "completedFirstAt" = e.completed, "productionFirstAt" = e.production
  FROM (SELECT "projectId",
               min("createdAt") FILTER (WHERE "toStage" = 'SIGNED') AS signed,
               min("createdAt") FILTER (WHERE "toStage" = 'CONSTRUCTION') AS construction,
               min("createdAt") FILTER (WHERE "toStage" = 'COMPLETED') AS completed,
               min("createdAt") FILTER (WHERE "toStage" = 'PRODUCTION') AS production
          FROM "stage_changes"
         WHERE "firstEntry" AND "toStage" IN ('SIGNED', 'CONSTRUCTION', 'COMPLETED', 'PRODUCTION')
         GROUP BY "projectId") e
 WHERE p.id = e."projectId";

-- CreateIndex
CREATE INDEX "projects_signedFirstAt_ownerId_leaderId_parkId_industryId_s_idx" ON "projects"("signedFirstAt", "ownerId", "leaderId", "parkId", "industryId", "sourceChannel", "totalInvestment", "contractInvestment", "id");

-- CreateIndex
CREATE INDEX "projects_constructionFirstAt_ownerId_leaderId_parkId_indust_idx" ON "projects"("constructionFirstAt", "ownerId", "leaderId", "parkId", "industryId", "sourceChannel", "totalInvestment", "contractInvestment", "id");

-- CreateIndex
CREATE INDEX "projects_completedFirstAt_ownerId_leaderId_parkId_industryI_idx" ON "projects"("completedFirstAt", "ownerId", "leaderId", "parkId", "industryId", "sourceChannel", "totalInvestment", "contractInvestment", "id");

-- CreateIndex
CREATE INDEX "projects_productionFirstAt_ownerId_leaderId_parkId_industry_idx" ON "projects"("productionFirstAt", "ownerId", "leaderId", "parkId", "industryId", "sourceChannel", "totalInvestment", "contractInvestment", "id");

-- The one writer of the four columns: every insert into stage_changes (the app's stage moves,
-- seeds, imports, restores) moves a project's first entry earlier when it brings an earlier one.
-- Per statement with its new rows as a table, so a bulk insert is one UPDATE.
CREATE FUNCTION "stage_changes_first_entries"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "projects" p
     SET "signedFirstAt" = least(p."signedFirstAt", e.signed),
         "constructionFirstAt" = least(p."constructionFirstAt", e.construction),
         "completedFirstAt" = least(p."completedFirstAt", e.completed),
         "productionFirstAt" = least(p."productionFirstAt", e.production)
    FROM (SELECT "projectId",
                 min("createdAt") FILTER (WHERE "toStage" = 'SIGNED') AS signed,
                 min("createdAt") FILTER (WHERE "toStage" = 'CONSTRUCTION') AS construction,
                 min("createdAt") FILTER (WHERE "toStage" = 'COMPLETED') AS completed,
                 min("createdAt") FILTER (WHERE "toStage" = 'PRODUCTION') AS production
            FROM new_rows
           WHERE "firstEntry" AND "toStage" IN ('SIGNED', 'CONSTRUCTION', 'COMPLETED', 'PRODUCTION')
           GROUP BY "projectId") e
   WHERE p.id = e."projectId";
  RETURN NULL;
END
$$;

CREATE TRIGGER "stage_changes_first_entries"
  AFTER INSERT ON "stage_changes" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "stage_changes_first_entries"();
