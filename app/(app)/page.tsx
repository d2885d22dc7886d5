import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Dashboard } from "@/components/home/dashboard";
import { HomeTasks } from "@/components/home/home-tasks";
import { StageSummary } from "@/components/projects/stage-summary";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/current";
import { can, projectScope } from "@/lib/auth/permissions";
import { homeTasks } from "@/lib/home/tasks";
import { dashboard } from "@/lib/reports/dashboard";
import { shanghaiYear } from "@/lib/dates";
import { mineView, projectStageSummary } from "@/lib/projects/queries";
import { userRoleSummary } from "@/lib/users/list-users";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requireActor("dashboard.read");
  // 驾驶舱: leaders and managers see the district's year, staff their own figures against their own targets.
  const thisYear = shanghaiYear();
  const asked = Number((await searchParams).year);
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const years = [...new Set([thisYear + 1, thisYear, thisYear - 1, thisYear - 2, year])].sort((a, b) => b - a);
  const t = await getTranslations();
  // Those who own or lead projects see theirs first (只看我的: lib/projects/queries.ts mineWhere).
  const scope = projectScope(actor.role, "update");
  const hasOwnProjects = scope === "own" || scope === "led";
  // An approver's summary covers only the projects with their department's permit items.
  const readsAll = projectScope(actor.role, "read") === "all";
  const [tasks, all, mine, users, figures] = await Promise.all([
    homeTasks({ actor }),
    projectStageSummary({ actor }),
    hasOwnProjects ? projectStageSummary({ actor, mine: true }) : null,
    can(actor.role, "user.read") ? userRoleSummary({ actor }) : null,
    can(actor.role, "report.home") ? dashboard({ actor, query: { year } }) : null,
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("home.welcome", { name: actor.displayName })}>
        <Link href="/projects" className="rounded-md bg-brand-700 px-4 py-2 text-sm text-white hover:bg-brand-800">
          {t("home.viewProjects")}
        </Link>
      </PageHeader>
      <p className="text-sm text-slate-600">
        {t(`home.roleIntro.${actor.role}`, { department: actor.departmentName ?? "" })}
      </p>
      <HomeTasks tasks={tasks} />
      {figures ? (
        <Dashboard data={figures} owner={figures.scope === "own" ? actor.username : null} years={years} />
      ) : null}
      {mine ? (
        <Card title={t("home.myProjects")}>
          <StageSummary rows={mine} testId="my-stage-summary" linkFilter="&mine=1" />
        </Card>
      ) : null}
      <Card title={t(readsAll ? "home.allProjects" : "home.permitProjects")}>
        {/* The tiles count every project the reader sees: their links ask for all, not the grid's default view. */}
        <StageSummary rows={all} testId="stage-summary" linkFilter={mineView(actor).byDefault ? "&mine=0" : ""} />
      </Card>
      {users ? (
        <Card title={t("home.usersByRole")}>
          <ul className="flex flex-wrap gap-3" data-testid="users-by-role">
            {users.map((u) => (
              <li key={u.role} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
                {t(`roles.${u.role}`)} <strong className="ml-1">{u.count}</strong>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
