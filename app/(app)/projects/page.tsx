import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ProjectsGrid, type GridParams } from "@/components/projects/projects-grid";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { resolveLocale } from "@/lib/i18n/config";
import { enteredWords, importBatchName } from "@/lib/projects/filter-words";
import { listProjectsSchema } from "@/lib/projects/schemas";
import { listProjects, mineView, withDefaultView } from "@/lib/projects/queries";
import { listSavedViews } from "@/lib/projects/saved-views";
import { projectReferenceData } from "@/lib/reference/queries";
import { listWithFilterNote } from "@/lib/pages/filtered-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("title") };
}

export default async function ProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor("project.read");
  const t = await getTranslations();
  const raw = await searchParams;
  // STAFF open their own projects first (mine=1), all with one click (mine=0); the export link carries it.
  const params: GridParams = withDefaultView(
    actor,
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const locale = resolveLocale(await getLocale());
  const { result, filterError } = await listWithFilterNote((q) => listProjects({ actor, query: q, locale }), params);
  const [refs, views, importBatch] = await Promise.all([
    projectReferenceData(),
    listSavedViews({ actor }),
    params.importJob ? importBatchName(actor, params.importJob, locale) : null,
  ]);
  // The dashboard's filters (首次进入 a stage within dates, 招商渠道), as removable words.
  const parsed = listProjectsSchema.safeParse(params);
  const q = parsed.success ? parsed.data : null;
  const reportFilters = [
    ...(q?.entered ? [{ keys: ["entered", "enteredFrom", "enteredTo"], words: enteredWords(q, locale)! }] : []),
    ...(q?.channel
      ? [{ keys: ["channel"], words: `${t("projects.sourceChannel")}: ${t(`sourceChannels.${q.channel}`)}` }]
      : []),
  ];
  return (
    <div>
      <PageHeader title={t("projects.title")} />
      <Card>
        <ProjectsGrid
          items={result.items}
          total={result.total}
          page={result.page}
          pageSize={result.pageSize}
          params={params}
          refs={refs}
          views={views}
          canCreate={can(actor.role, "project.create")}
          canImport={can(actor.role, "project.import")}
          canFilterMine={mineView(actor).offered}
          error={filterError ?? undefined}
          importBatch={importBatch}
          reportFilters={reportFilters}
        />
      </Card>
    </div>
  );
}
