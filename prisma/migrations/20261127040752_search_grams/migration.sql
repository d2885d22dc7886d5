-- The one- and two-character pieces of a text, lower case, without blanks.
CREATE FUNCTION crm_search_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g), '{}')
    FROM (SELECT lower(t) AS s) x,
         LATERAL (SELECT substr(x.s, i, 1) AS g FROM generate_series(1, length(x.s)) i
                  UNION ALL
                  SELECT substr(x.s, i, 2) FROM generate_series(1, length(x.s) - 1) i) grams
   WHERE g !~ '\s'
$$;

-- AlterTable: generated from name, enterprise name and code on every write, whoever writes.
ALTER TABLE "projects" ADD COLUMN "searchGrams" TEXT[] GENERATED ALWAYS AS (crm_search_grams("name" || ' ' || "enterpriseName" || ' ' || "code")) STORED;

-- CreateIndex
CREATE INDEX "projects_searchGrams_idx" ON "projects" USING GIN ("searchGrams");
