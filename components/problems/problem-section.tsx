import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { Actor } from "@/lib/auth/permissions";
import { projectProblems } from "@/lib/problems/problem-queries";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { ProblemLevelBadge, ProblemMarks, ProblemStateBadge } from "./problem-badges";
import { ProblemRaiseForm } from "./problem-raise-form";

/**
 * The project's 要素保障 on its 督办 tab: the problems the reader may see (level, state, due,
 * overdue and proposed marked), and 提出问题 for the project's owner, leader and managers.
 */
export async function ProblemSection({ actor, projectId }: { actor: Actor; projectId: string }) {
  const t = await getTranslations("problems");
  const { items, mayRaise, departments } = await projectProblems({ actor, projectId });
  return (
    <Card title={t("section.title")}>
      <div className="space-y-4" data-testid="problem-section">
        {items.length ? (
          <SimpleTable
            headers={[
              t("columns.title"),
              t("columns.category"),
              t("columns.department"),
              t("columns.level"),
              t("columns.state"),
              t("columns.dueDate"),
            ]}
          >
            {items.map((p) => (
              <tr key={p.id} className={p.overdue ? "bg-red-50" : undefined} data-testid="problem-row">
                <td className="px-3 py-1.5">
                  <Link href={`/supervision/problems/${p.id}`} className="text-brand-700 hover:underline">
                    {p.title}
                  </Link>
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap">{t(`categories.${p.category}`)}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">{p.department.name}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <ProblemLevelBadge level={p.level} />
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <ProblemStateBadge state={p.state} />{" "}
                  <ProblemMarks overdue={p.overdue} proposed={!!p.escalationProposedAt} />
                </td>
                <td className="px-3 py-1.5 tabular-nums">{p.dueDate}</td>
              </tr>
            ))}
          </SimpleTable>
        ) : (
          <p className="text-sm text-slate-500">{t("section.none")}</p>
        )}
        {mayRaise ? (
          <details className="rounded border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-medium text-brand-700" data-testid="raise-problem-toggle">
              {t("actions.raise")}
            </summary>
            <div className="mt-3">
              <ProblemRaiseForm projectId={projectId} departments={departments} />
            </div>
          </details>
        ) : null}
      </div>
    </Card>
  );
}
