import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ProjectsList } from "@/components/projects/projects-list";
import { Card, PageHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/current";
import { listProjects } from "@/lib/projects/queries";
import { stages } from "@/lib/projects/stages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("projects"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

function firstValues(params: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export default async function ProjectsPage({ searchParams }: { searchParams: Search }) {
  const actor = await requireActor("project.read");
  const t = await getTranslations();
  const raw = firstValues(await searchParams);
  // Bad query values fall back to the defaults instead of failing the page.
  const query = { ...raw };
  let result;
  try {
    result = await listProjects({ actor, query });
  } catch {
    result = await listProjects({ actor, query: {} });
  }
  const { page, pageSize, ...filters } = raw;
  void page;
  void pageSize;
  return (
    <div>
      <PageHeader title={t("projects.title")} />
      <Card>
        <form className="mb-3 flex flex-wrap items-end gap-2" method="get" role="search">
          <input
            name="q"
            defaultValue={raw.q ?? ""}
            placeholder={t("projects.searchPlaceholder")}
            aria-label={t("projects.searchPlaceholder")}
            className="w-64 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          <select name="stage" defaultValue={raw.stage ?? ""} aria-label={t("projects.stage")} className="rounded-md border border-slate-300 px-2 py-1.5 text-sm">
            <option value="">{t("projects.anyStage")}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {t(`stages.${s}`)}
              </option>
            ))}
          </select>
          {raw.owner ? <input type="hidden" name="owner" value={raw.owner} /> : null}
          {raw.leader ? <input type="hidden" name="leader" value={raw.leader} /> : null}
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
            {t("common.search")}
          </button>
          <a href="/projects" className="px-2 py-1.5 text-sm text-slate-600 hover:underline">
            {t("common.reset")}
          </a>
        </form>
        <ProjectsList items={result.items} />
        <Pagination basePath="/projects" params={filters} page={result.page} pageSize={result.pageSize} total={result.total} />
      </Card>
    </div>
  );
}
